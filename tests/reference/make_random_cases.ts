// Writes random poses (CASE.json) and our rendering of each (CASE.png) for controlnet_reference.py.
// Usage: npx tsx tests/reference/make_random_cases.ts OUT_DIR COUNT SEED
import { mkdirSync, writeFileSync } from "node:fs";
import { readOpenPose } from "../../shared/pose/openpose-json";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";

const [out = "/tmp/skeleton-cases", count = "200", seedArg = "1"] = process.argv.slice(2);
let seed = Number(seedArg);
const rand = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

mkdirSync(out, { recursive: true });
for (let n = 0; n < Number(count); n++) {
  const cw = pick([512, 512, 768, 640, 333, 1024]);
  const ch = pick([512, 768, 768, 480, 517, 1536]);
  const point = (missingRate: number) => {
    if (rand() < missingRate) return rand() < 0.5 ? [0, 0, 0] : [-1, -1, 0];
    // Mostly inside, sometimes exactly on an edge or at fractional positions.
    const edge = rand() < 0.05;
    const x = edge ? pick([0, cw, 0.5, cw - 0.5]) : rand() * cw;
    const y = edge ? pick([0, ch, 0.25, ch - 0.25]) : rand() * ch;
    return [rand() < 0.5 ? Math.round(x) : x, rand() < 0.5 ? Math.round(y) : y, 1];
  };
  const flat = (k: number, rate: number) => Array.from({ length: k }, () => point(rate)).flat();
  const people = Array.from({ length: pick([1, 1, 1, 2, 3]) }, () => ({
    pose_keypoints_2d: flat(18, 0.15),
    face_keypoints_2d: rand() < 0.3 ? flat(70, 0.1) : null,
    hand_left_keypoints_2d: rand() < 0.4 ? flat(21, 0.1) : null,
    hand_right_keypoints_2d: rand() < 0.4 ? flat(21, 0.1) : null,
  }));
  const doc: Record<string, unknown> = { canvas_width: cw, canvas_height: ch, people };
  const resize = rand() < 0.3 ? { width: pick([512, 768, 1024, 300]), height: pick([512, 768, 1536, 301]) } : {};
  if (resize.width) Object.assign(doc, { render_width: resize.width, render_height: resize.height });
  const { pose } = readOpenPose(doc);
  writeFileSync(`${out}/case${String(n).padStart(4, "0")}.json`, JSON.stringify(doc));
  writeFileSync(`${out}/case${String(n).padStart(4, "0")}.png`, renderSkeletonPng(pose, resize));
}
console.log(`${count} cases in ${out}`);
