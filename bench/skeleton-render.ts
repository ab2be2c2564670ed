// Median time to render a skeleton PNG (draw + encode) with the production code path, for a
// built-in template (one body) and a heavier pose (two people, both hands).
import { readFileSync } from "node:fs";
import { readOpenPose } from "../shared/pose/openpose-json";
import type { Pose } from "../shared/pose/model";
import { drawControlNetSkeleton } from "../shared/skeleton/draw-controlnet";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { runIfMain, type Figure } from "./harness/figure";

const heavy = readOpenPose(
  JSON.parse(readFileSync(new URL("../tests/fixtures/openpose/openpose-editor.json", import.meta.url), "utf8")),
).pose;
const template = buildFigure(BUILT_IN_TEMPLATES.find((t) => t.slug === "walk-side")!.figure);

function median(f: () => void, runs: number): number {
  for (let i = 0; i < 30; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

export function benchSkeletonRender() {
  const cases: [string, Pose][] = [
    ["built-in template", template],
    ["2 people + hands", heavy],
  ];
  for (const [label, pose] of cases) {
    for (const size of [512, 1024]) {
      const opts = { width: size, height: size };
      const total = median(() => renderSkeletonPng(pose, opts), 300);
      const draw = median(() => drawControlNetSkeleton(pose, opts), 300);
      const goal = size === 512 ? ` (goal ≤ 2 ms: ${total <= 2 ? "OK" : "OVER"})` : "";
      console.log(
        `skeleton PNG ${size}×${size}, ${label}: median ${total.toFixed(2)} ms${goal}; draw ${draw.toFixed(2)} ms, encode ${(total - draw).toFixed(2)} ms`,
      );
    }
  }
}

export const skeletonRenderFigure: Figure = { name: "skeleton render", run: () => benchSkeletonRender() };
await runIfMain(import.meta.url, skeletonRenderFigure);
