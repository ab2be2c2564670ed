// Cuts a photo out with the app's own in-browser background removal (@imgly/background-removal,
// small model, onnxruntime wasm from web/static as `npm run build:web` copies them) in headless
// Chromium, everything served from 127.0.0.1, and writes the RGBA PNG as a fixture.
// Usage: npx tsx tests/reference/cut-out.ts tests/fixtures/messi5.jpg tests/fixtures/messi5.cutout.png
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { build } from "esbuild";
import { resultOfLocalPage } from "../../dev-tools/browser/local-page";

const root = new URL("../..", import.meta.url).pathname;

/** The page's script: the same call and options as web/src/lib/cutout/cutout.worker.ts. */
const ENTRY = `import { removeBackground } from "@imgly/background-removal";
const photo = await (await fetch("/photo")).blob();
const blob = await removeBackground(photo, {
  publicPath: location.origin + "/background-removal/",
  model: "small",
  output: { format: "image/png", quality: 1 },
});
const bytes = new Uint8Array(await blob.arrayBuffer());
let text = "";
for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
window.__cutout = btoa(text);`;

export async function cutOutInChromium(imagePath: string): Promise<Uint8Array> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.contents;
  return new Uint8Array(
    Buffer.from(
      await resultOfLocalPage<string>(
        (url) => {
          if (url === "/") return { body: PAGE, type: "text/html" };
          if (url === "/cut.js") return { body: script, type: "text/javascript" };
          const file = url === "/photo" ? join(root, imagePath) : join(root, "web/static", url);
          return {
            body: readFileSync(file),
            type: extname(file) === ".wasm" ? "application/wasm" : "application/octet-stream",
          };
        },
        "__cutout",
        180_000,
      ),
      "base64",
    ),
  );
}

const PAGE = `<!doctype html><script type="module" src="/cut.js"></script>`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [imagePath = "tests/fixtures/messi5.jpg", outPath = "tests/fixtures/messi5.cutout.png"] = process.argv.slice(2);
  const png = await cutOutInChromium(imagePath);
  writeFileSync(outPath, png);
  console.log(`${outPath}: ${png.length} bytes`);
}
