// Renders the accessory drawings (web/static/fashion/accessories/*.svg, drawn for the product)
// to PNG with resvg-wasm, for the Worker to composite onto photos. Run by `npm run build:web` and
// by the Worker tests' setup; the PNGs are build output, not committed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import { ACCESSORY_ASSETS, type AccessoryAsset } from "../../shared/fashion/anchors";

const root = new URL("../..", import.meta.url).pathname;
export const ACCESSORY_SOURCE_DIR = join(root, "web/static/fashion/accessories");

/** Twice the largest size each is drawn at on an HD (1024×1536) image, so it is only ever shrunk. */
const RENDER_WIDTH: Record<AccessoryAsset, number> = {
  sunglasses: 400,
  watch: 120,
  bag: 420,
  necklace: 320,
  earring: 60,
  stethoscope: 320,
  "pilot-cap": 360,
  "chef-hat": 340,
  book: 220,
  pointer: 400,
};

let ready: Promise<void> | undefined;

/** Writes `<name>.png` for every accessory into each of `outDirs`. */
export async function renderAccessories(outDirs: string[]) {
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm")));
  await ready;
  for (const dir of outDirs) mkdirSync(dir, { recursive: true });
  for (const name of ACCESSORY_ASSETS) {
    const svg = readFileSync(join(ACCESSORY_SOURCE_DIR, `${name}.svg`), "utf8");
    const png = new Resvg(svg, { fitTo: { mode: "width", value: RENDER_WIDTH[name] } }).render().asPng();
    for (const dir of outDirs) writeFileSync(join(dir, `${name}.png`), png);
  }
}
