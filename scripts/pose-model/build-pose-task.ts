// Builds MediaPipe PoseLandmarker .task files from the models npm ships in @mediapipe/pose
// (the detector is its packed assets file; the landmark models are plain .tflite), adding the
// input-normalisation metadata Tasks requires. A .task is a zip of the two, stored uncompressed.
import { zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { addTfliteMetadata, imageModelMetadata } from "./tflite-metadata";

export type PoseModelVariant = "lite" | "full" | "heavy";

const poseDir = () => dirname(createRequire(import.meta.url).resolve("@mediapipe/pose/package.json"));

/** The .task bytes for a landmark model variant. */
export function buildPoseTask(variant: PoseModelVariant): Uint8Array {
  const dir = poseDir();
  // MediaPipe's legacy graphs: the detector takes [-1, 1] input, the landmark model [0, 1].
  const detector = addTfliteMetadata(
    new Uint8Array(readFileSync(join(dir, "pose_solution_packed_assets.data"))),
    imageModelMetadata("pose_detector", 127.5, 127.5),
  );
  const landmarks = addTfliteMetadata(
    new Uint8Array(readFileSync(join(dir, `pose_landmark_${variant}.tflite`))),
    imageModelMetadata("pose_landmarks_detector", 0, 255),
  );
  return zipSync(
    { "pose_detector.tflite": [detector, { level: 0 }], "pose_landmarks_detector.tflite": [landmarks, { level: 0 }] },
    { mtime: new Date(Date.UTC(2026, 0, 1)) },
  );
}
