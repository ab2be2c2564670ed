// Copies every wasm and model file the browser loads from node_modules into web/static (served
// from our own origin, never a CDN) and builds the PoseLandmarker .task models.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ACCESSORY_SOURCE_DIR, renderAccessories } from "./fashion/render-accessories";
import { buildPoseTask, type PoseModelVariant } from "./pose-model/build-pose-task";
import { chunked, isnetAtSize } from "./background-removal/isnet-at-size";

const root = new URL("..", import.meta.url).pathname;
const staticDir = join(root, "web/static");
// tasks-vision exports no package.json; its entry file sits at the package root.
const pkgDir = (name: string) => dirname(createRequire(import.meta.url).resolve(name));

mkdirSync(join(staticDir, "models"), { recursive: true });
for (const variant of ["lite", "full"] satisfies PoseModelVariant[]) {
  const task = buildPoseTask(variant);
  writeFileSync(join(staticDir, "models", `pose_landmarker_${variant}.task`), task);
  console.log(`models/pose_landmarker_${variant}.task: ${(task.length / 1024 / 1024).toFixed(1)} MB`);
}
cpSync(join(pkgDir("@mediapipe/tasks-vision"), "wasm"), join(staticDir, "mediapipe/wasm"), { recursive: true });
console.log("mediapipe/wasm: copied from @mediapipe/tasks-vision");

// Background removal (@imgly/background-removal 1.4.5 reads `${publicPath}resources.json`, then the
// chunks it lists). Only the small model and the two SIMD runtimes are copied: every browser we
// support has wasm SIMD, and the medium model would double the download for little gain.
const BACKGROUND_REMOVAL_RESOURCES = [
  "/models/small",
  "/onnxruntime-web/ort-wasm-simd-threaded.wasm",
  "/onnxruntime-web/ort-wasm-simd.wasm",
];
const dataDir = join(pkgDir("@imgly/background-removal-data/package.json"), "dist");
const removalDir = join(staticDir, "background-removal");
mkdirSync(removalDir, { recursive: true });
const resources = JSON.parse(readFileSync(join(dataDir, "resources.json"), "utf8")) as Record<
  string,
  { chunks: { hash: string }[]; size: number }
>;
const kept = Object.fromEntries(BACKGROUND_REMOVAL_RESOURCES.map((key) => [key, resources[key]!]));
let bytes = 0;
for (const resource of Object.values(kept)) {
  for (const { hash } of resource.chunks) cpSync(join(dataDir, hash), join(removalDir, hash));
  bytes += resource.size;
}
console.log(`background-removal: ${(bytes / 1024 / 1024).toFixed(1)} MB copied from @imgly/background-removal-data`);

// The small model again, rewritten for a 512² input (isnet-at-size.ts): what the page cuts with.
// Chunked like the rest (a static asset must stay under 25 MiB) and listed in the same resources.json.
const small = Buffer.concat(resources["/models/small"]!.chunks.map(({ hash }) => readFileSync(join(dataDir, hash))));
const fast = chunked(isnetAtSize(small, 512), "application/octet-stream");
for (const [hash, data] of fast.files) writeFileSync(join(removalDir, hash), data);
writeFileSync(join(removalDir, "resources.json"), JSON.stringify({ ...kept, "/models/small-512": fast.resource }));
console.log(
  `background-removal: /models/small-512 (the small model at 512²) ${(fast.resource.size / 1024 / 1024).toFixed(1)} MB`,
);

await renderAccessories([ACCESSORY_SOURCE_DIR]);
console.log("fashion/accessories: PNGs rendered from the SVG drawings (resvg-wasm)");
