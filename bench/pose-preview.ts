// The library's card previews (worker/templates/pose-preview.ts): the mannequin rig painted and
// prepared once per isolate, then each built-in pose drawn at 256×384 and PNG-encoded. Prints the
// one-off cost, the median and worst per preview (CPU, as a busy machine inflates wall time), the
// bytes the prepared rig keeps (its typed arrays) and the process's peak growth (RSS, an upper
// bound: it counts compiled code too) against the Worker's 96 MB budget for image paths.
// Goal: a preview ≤ 100 ms CPU once the rig is ready.
import { drawInstantPose } from "../shared/instant/draw-pose";
import { prepareRig } from "../shared/instant/prepare-rig";
import { retargetPose } from "../shared/instant/retarget";
import { mannequinRig, PREVIEW_SIZE } from "../shared/mannequin/mannequin-rig";
import { readOpenPose } from "../shared/pose/openpose-json";
import { builtInTemplateRows } from "../shared/templates/built-in-rows";
import { encodePng } from "../worker/images/rgba";
import { runIfMain, type Figure } from "./harness/figure";

const GOAL_MS = 100;
const BUDGET_MB = 96;

/** CPU milliseconds of f. */
function cpu<T>(f: () => T): [T, number] {
  const start = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1000];
}

/** Bytes of the typed arrays inside a value (the prepared rig's texture, mesh and factors). */
function typedBytes(value: unknown, depth = 0): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (!value || typeof value !== "object" || depth > 5) return 0;
  return Object.values(value).reduce((sum: number, v) => sum + typedBytes(v, depth + 1), 0);
}

export function benchPosePreview() {
  const base = process.memoryUsage().rss;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss - base));
  const [rig, paint] = cpu(mannequinRig);
  sample();
  const [prepared, prepare] = cpu(() => prepareRig(rig));
  sample();
  const times: number[] = [];
  let bytes = 0;
  for (const row of builtInTemplateRows()) {
    const pose = readOpenPose(JSON.parse(row.keypointsJson)).pose;
    const [png, took] = cpu(() => {
      const picture = drawInstantPose(prepared, retargetPose(rig.pose, pose, PREVIEW_SIZE), PREVIEW_SIZE);
      sample();
      return encodePng(picture.image);
    });
    times.push(took);
    bytes += png.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const worst = times[times.length - 1]!;
  const mb = peak / 1024 / 1024;
  const kept = typedBytes(prepared) / 1024 / 1024;
  console.log(
    `pose previews: mannequin painted in ${paint.toFixed(0)} ms and prepared in ${prepare.toFixed(0)} ms CPU (once per isolate); ` +
      `${times.length} built-in previews, ${median.toFixed(1)} ms CPU median, ${worst.toFixed(1)} ms worst = ` +
      `${(median / GOAL_MS).toFixed(2)}× the ${GOAL_MS} ms goal${median > GOAL_MS ? " OVER" : ""}; ` +
      `${(bytes / times.length / 1024).toFixed(1)} KB PNG each; prepared rig ${kept.toFixed(1)} MB; peak growth ${mb.toFixed(1)} MB = ` +
      `${(mb / BUDGET_MB).toFixed(2)}× the ${BUDGET_MB} MB budget${mb > BUDGET_MB ? " OVER" : ""}`,
  );
}

export const posePreviewFigure: Figure = { name: "pose previews", run: () => benchPosePreview() };
await runIfMain(import.meta.url, posePreviewFigure);
