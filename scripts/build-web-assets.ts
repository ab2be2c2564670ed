// Copies every wasm and model file the browser loads from node_modules into web/static (served
// from our own origin, never a CDN) and builds the PoseLandmarker .task models.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildPoseTask, type PoseModelVariant } from "./pose-model/build-pose-task";

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
