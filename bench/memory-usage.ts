// Peak memory of the upload path and of every pipeline stage at HD, against the budget a Worker
// isolate leaves us (128 MB, of which 96 MB for one request's images). Each case runs in its own
// Node process with the same photon build (bench/memory/run-case.ts; the method is in
// bench/memory/measure.ts). Uploads are measured at each candidate maximum side; the largest
// side at which every case fits is the one to accept (MAX_UPLOAD_SIDE in shared/images/upload-size.ts).
import { execFileSync } from "node:child_process";
import { renderAccessories } from "../scripts/fashion/render-accessories";
import { MAX_UPLOAD_SIDE as MAX_SIDE } from "../shared/images/upload-size";
import { MEMORY_BUDGET_BYTES } from "../worker/images/memory-budget";
import { writeInputs } from "./memory/inputs";
import { runIfMain, type Figure } from "./harness/figure";

const UPLOAD_CASES = [
  "avatar-jpeg",
  "avatar-webp",
  "avatar-png",
  "avatar-jpeg-exif5",
  "avatar-png-with-rig",
  "background-upload",
];
/** Stages run at HD; the two backgrounds also read an upload (the picture, the avatar's cut-out). */
const STAGE_CASES = [
  "stage-pose",
  "stage-fashion",
  "stage-background-picture",
  "stage-background-cutout",
  "stage-theme",
  "stage-instant",
  "export-hd-pad-jpeg",
  "export-hd-pad-cutout",
];
const MB = 1024 * 1024;

function peak(name: string, side: number): number {
  const out = execFileSync("npx", ["tsx", "--expose-gc", "bench/memory/run-case.ts", name, String(side)], {
    encoding: "utf8",
  });
  return (JSON.parse(out.trim().split("\n").pop()!) as { peakBytes: number }).peakBytes;
}

/** Every case at each upload maximum in `sides` (default: the accepted one), as ratios to the budget. */
export async function benchMemoryUsage(sides = [MAX_SIDE]) {
  await renderAccessories(["web/build/fashion/accessories"]);
  const candidates = [...new Set(sides)].sort((a, b) => b - a);
  writeInputs(candidates);
  const fits: Record<number, boolean> = {};
  for (const side of candidates) {
    fits[side] = true;
    for (const name of [...UPLOAD_CASES, ...STAGE_CASES]) {
      const bytes = peak(name, side);
      const ratio = bytes / MEMORY_BUDGET_BYTES;
      if (ratio > 1) fits[side] = false;
      const at = /^(stage|export)-/.test(name) ? `HD, uploads ${side}²` : `${side}²`;
      console.log(
        `memory ${name} (${at}): peak ${(bytes / MB).toFixed(0)} MB = ${ratio.toFixed(2)} × the ${MEMORY_BUDGET_BYTES / MB} MB ceiling${ratio > 1 ? " OVER" : ""}`,
      );
    }
  }
  for (const side of candidates)
    console.log(`memory: uploads up to ${side} px a side ${fits[side] ? "fit" : "do NOT fit"}`);
  console.log(`memory: accepted maximum today: ${MAX_SIDE} px a side`);
}
// `npx tsx bench/memory-usage.ts 4096 3072 2048`: compare candidate maximums.
const asked = process.argv.slice(2).map(Number).filter(Boolean);
export const memoryUsageFigure: Figure = {
  name: "memory",
  run: () => benchMemoryUsage(asked.length ? asked : undefined),
};
await runIfMain(import.meta.url, memoryUsageFigure);
