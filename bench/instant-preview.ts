// The instant preview's speed in the browser: the web build's own preview worker (the engine as
// the studio and the editor run it) in headless Chromium, from a page on 127.0.0.1. The messi5
// rig is prepared once, then every built-in template is drawn at the preview's size (and, for
// comparison, at SD 512×768): median ms per pose as the worker measures it (retarget + draw) and
// as the page waits for it (message round trip), over a warm pass. Goal: ≤ 30 ms per pose.
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resultOfLocalPage } from "../dev-tools/browser/local-page";
import { OUTPUT_SIZE } from "../shared/api/generations";
import type { OutputSize } from "../shared/instant/contract";
import { mediapipeToOpenPose, type Landmark } from "../shared/pose/mediapipe";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { TEMPLATE_CANVAS } from "../shared/templates/built-in-rows";
import { previewSize } from "../web/src/lib/instant-preview/preview-size";
import { runIfMain, type Figure } from "./harness/figure";
import { CHROMIUM, WEB_BUILD } from "./harness/tools";

const GOAL_MS = 30;
const WORKERS = new URL("../web/build/_app/immutable/workers/", import.meta.url);

/** The page: prepares the rig in the worker, then draws every pose at each size twice (cold, warm). */
const PAGE = `<!doctype html><script type="module">
const worker = new Worker("/preview-worker.js", { type: "module" });
const waiting = new Map();
worker.onmessage = ({ data }) => { waiting.get(data.type === "rig" ? "rig" : data.id)?.(data); };
const ask = (key, message) => new Promise((r) => { waiting.set(key, r); worker.postMessage(message); });
const [png, pose, poses, sizes] = await Promise.all([
  fetch("/rig.png").then((r) => r.blob()),
  ...["/rig.json", "/poses.json", "/sizes.json"].map((u) => fetch(u).then((r) => r.json())),
]);
const t0 = performance.now();
const rig = await ask("rig", { type: "rig", key: "messi5", png, pose });
if (!rig.ok) { window.result = { error: rig.message }; throw new Error(rig.message); }
const prepareMs = performance.now() - t0;
const out = [];
let id = 0;
for (const size of sizes) {
  const engine = [], roundTrip = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const target of poses) {
      const t = performance.now();
      const drawn = await ask(++id, { type: "draw", id, key: "messi5", target, size });
      if (drawn.type !== "drawn") { window.result = { error: drawn.message }; throw new Error(drawn.message); }
      if (pass === 1) { engine.push(drawn.ms); roundTrip.push(performance.now() - t); }
    }
  }
  out.push({ size, engine, roundTrip });
}
window.result = { prepareMs, sizes: out };
</script>`;

interface Result {
  error?: string;
  prepareMs: number;
  sizes: { size: OutputSize; engine: number[]; roundTrip: number[] }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function benchInstantPreview() {
  const worker = readdirSync(WORKERS).find((f) => /^preview\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error("the web build has no preview worker (run `npm run build:web`)");
  const messi = JSON.parse(readFileSync(new URL("../tests/fixtures/messi5.landmarks.json", import.meta.url), "utf8"));
  const pose = mediapipeToOpenPose(messi.landmarks as Landmark[], messi.imageWidth, messi.imageHeight);
  const poses = BUILT_IN_TEMPLATES.map((t) => buildFigure(t.figure, TEMPLATE_CANVAS.width, TEMPLATE_CANVAS.height));
  const preview = previewSize({ canvasWidth: TEMPLATE_CANVAS.width, canvasHeight: TEMPLATE_CANVAS.height });
  const files: Record<string, { body: string | Uint8Array; type: string }> = {
    "/": { body: PAGE, type: "text/html" },
    "/preview-worker.js": { body: readFileSync(new URL(worker, WORKERS)), type: "text/javascript" },
    "/rig.png": {
      body: readFileSync(new URL("../tests/fixtures/messi5.cutout.png", import.meta.url)),
      type: "image/png",
    },
    "/rig.json": { body: JSON.stringify(pose), type: "application/json" },
    "/poses.json": { body: JSON.stringify(poses), type: "application/json" },
    "/sizes.json": { body: JSON.stringify([preview, OUTPUT_SIZE.sd]), type: "application/json" },
  };
  const result = await resultOfLocalPage<Result>((path) => files[path] ?? null, "result", 300_000);
  if (result.error) throw new Error(result.error);
  // Wall time only (a page has no CPU clock): the machine's load says how much others inflated it.
  const load = `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  console.log(
    `instant preview (Chromium, web worker, ${load}), messi5 rig 548×342: checked and prepared in ` +
      `${result.prepareMs.toFixed(0)} ms (first call)`,
  );
  for (const { size, engine, roundTrip } of result.sizes) {
    const m = median(engine);
    const label = size === result.sizes[0]!.size ? "the preview's size" : "SD, for comparison";
    console.log(
      `instant preview, ${poses.length} poses at ${size.width}×${size.height} (${label}): median ${m.toFixed(1)} ms per pose ` +
        `(${(m / GOAL_MS).toFixed(2)}× the ${GOAL_MS} ms goal), round trip to the page ${median(roundTrip).toFixed(1)} ms`,
    );
  }
}

export const instantPreviewFigure: Figure = {
  name: "instant preview",
  needs: [CHROMIUM, WEB_BUILD],
  run: benchInstantPreview,
};

await runIfMain(import.meta.url, instantPreviewFigure);
