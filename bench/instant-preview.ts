// The instant preview's speed in the browser: the web build's own preview worker (the engine as
// the studio and the editor run it) in headless Chromium, from a page on 127.0.0.1. The messi5
// rig is prepared once, then every built-in template is drawn at the preview's size (and, for
// comparison, at SD 512×768): median ms per pose as the worker measures it (retarget + draw) and
// as the page waits for it (message round trip), over two warm passes, and each pose's fastest
// draw; then the same in Node as CPU time. Wall time on a shared machine is inflated by others'
// work, so the load is printed beside it. Goal: ≤ 30 ms per pose.
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resultOfLocalPage } from "../dev-tools/browser/local-page";
import { OUTPUT_SIZE } from "../shared/api/generations";
import type { OutputSize } from "../shared/instant/contract";
import { drawInstantPose } from "../shared/instant/draw-pose";
import { prepareRig } from "../shared/instant/prepare-rig";
import { retargetPose } from "../shared/instant/retarget";
import { mediapipeToOpenPose, type Landmark } from "../shared/pose/mediapipe";
import type { Pose } from "../shared/pose/model";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { TEMPLATE_CANVAS } from "../shared/templates/built-in-rows";
import { decodeRgba } from "../worker/images/rgba";
import { previewSize } from "../web/src/lib/instant-preview/preview-size";
import { runIfMain, type Figure } from "./harness/figure";
import { CHROMIUM, WEB_BUILD } from "./harness/tools";

const GOAL_MS = 30;
const WORKERS = new URL("../web/build/_app/immutable/workers/", import.meta.url);

/**
 * The page: prepares the rig in the worker, then draws every pose at each size three times (the
 * first pass warms the JIT up; the other two are timed).
 */
const PAGE = `<!doctype html><script type="module">
const PASSES = 3;
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
  const engine = [], roundTrip = [], best = poses.map(() => Infinity);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [n, target] of poses.entries()) {
      const t = performance.now();
      const drawn = await ask(++id, { type: "draw", id, key: "messi5", target, size });
      if (drawn.type !== "drawn") { window.result = { error: drawn.message }; throw new Error(drawn.message); }
      if (pass === 0) continue;
      engine.push(drawn.ms);
      roundTrip.push(performance.now() - t);
      best[n] = Math.min(best[n], drawn.ms);
    }
  }
  out.push({ size, engine, roundTrip, best });
}
window.result = { prepareMs, sizes: out };
</script>`;

interface Result {
  error?: string;
  prepareMs: number;
  /** Per size: every timed draw (engine and round trip) and each pose's fastest draw. */
  sizes: { size: OutputSize; engine: number[]; roundTrip: number[]; best: number[] }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The same rig and poses through the same engine in Node: CPU ms per pose, which others' load inflates less than wall time. */
function nodeCpuPerPose(rig: Parameters<typeof prepareRig>[0], poses: Pose[], size: OutputSize): number {
  const prepared = prepareRig(rig);
  const cpu: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const target of poses) {
      const before = process.cpuUsage();
      drawInstantPose(prepared, retargetPose(rig.pose, target, size), size);
      const used = process.cpuUsage(before);
      if (pass === 1) cpu.push((used.user + used.system) / 1000);
    }
  }
  return median(cpu);
}

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
  for (const [n, { size, engine, roundTrip, best }] of result.sizes.entries()) {
    const [m, b] = [median(engine), median(best)];
    console.log(
      `instant preview, ${poses.length} poses at ${size.width}×${size.height} ` +
        `(${n === 0 ? "the preview's size" : "SD, for comparison"}): median ${m.toFixed(1)} ms per pose ` +
        `(${(m / GOAL_MS).toFixed(2)}× the ${GOAL_MS} ms goal), round trip to the page ${median(roundTrip).toFixed(1)} ms; ` +
        // Others' work only ever adds time: each pose's fastest draw is nearest its cost on a quiet machine.
        `each pose's fastest draw, median ${b.toFixed(1)} ms (${(b / GOAL_MS).toFixed(2)}×)`,
    );
  }
  const cutout = decodeRgba(new Uint8Array(files["/rig.png"]!.body as Buffer));
  const cpu = nodeCpuPerPose({ cutout, pose }, poses, preview);
  console.log(
    `instant preview, the same engine in Node at ${preview.width}×${preview.height}: ` +
      `CPU ${cpu.toFixed(1)} ms per pose (${(cpu / GOAL_MS).toFixed(2)}× the ${GOAL_MS} ms goal)`,
  );
}

export const instantPreviewFigure: Figure = {
  name: "instant preview",
  needs: [CHROMIUM, WEB_BUILD],
  run: benchInstantPreview,
};

await runIfMain(import.meta.url, instantPreviewFigure);
