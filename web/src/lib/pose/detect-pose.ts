// Pose detection in the browser with MediaPipe PoseLandmarker. tasks-vision, its wasm and the
// model (built from npm packages by `npm run build:web`) load lazily from our own origin, on the
// page (photos) or in the webcam's module worker (pose.worker.ts).
import type { PoseLandmarker } from "@mediapipe/tasks-vision";
import { mediapipeToOpenPose } from "$shared/pose/mediapipe";
import type { Pose } from "$shared/pose/model";

export type DetectorMode = "IMAGE" | "VIDEO";
const cache = new Map<string, Promise<PoseLandmarker>>();

/** A PoseLandmarker (created once per mode and model), from /mediapipe/wasm and /models. */
export function poseLandmarker(mode: DetectorMode, variant: "lite" | "full" = mode === "VIDEO" ? "lite" : "full") {
  const key = `${mode}-${variant}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      (async () => {
        const { FilesetResolver, PoseLandmarker } = await import("@mediapipe/tasks-vision");
        // A module worker has no document and its importScripts() throws: tasks-vision 0.10.35 then
        // falls back to import(), which needs the ES-module build of its loader (useModule), the
        // one that sets globalThis.ModuleFactory (google-ai-edge/mediapipe issues #5257, #5479).
        const inWorker = typeof document === "undefined";
        const vision = await FilesetResolver.forVisionTasks("/mediapipe/wasm", inWorker);
        return PoseLandmarker.createFromOptions(vision, {
          baseOptions: { modelAssetPath: `/models/pose_landmarker_${variant}.task`, delegate: "CPU" },
          runningMode: mode,
          numPoses: 1,
          // The person mask comes from the same landmark model run: a coarse cut-out at little cost.
          outputSegmentationMasks: mode === "IMAGE",
        });
      })(),
    );
  }
  return cache.get(key)!;
}

/** The OpenPose body found in a photo, on a canvas the photo's size; null when nobody is found. */
export async function detectPoseInImage(image: HTMLImageElement): Promise<Pose | null> {
  const landmarker = await poseLandmarker("IMAGE");
  const result = landmarker.detect(image);
  result.close();
  const landmarks = result.landmarks[0];
  if (!landmarks) return null;
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  return { canvasWidth: width, canvasHeight: height, people: [mediapipeToOpenPose(landmarks, width, height)] };
}

/** A person mask: one 0–1 value per pixel of the photo, row by row. */
export interface PersonMask {
  width: number;
  height: number;
  alpha: Float32Array;
}

/**
 * The mask of the person MediaPipe finds in a picture (IMAGE mode, lite model: its detect took
 * 121–161 ms against the full one's 157–174 ms on the test photos, for a mask nearly as good;
 * bench/cutout.ts prints both); null when nobody is found.
 */
export async function detectPersonMask(image: ImageBitmap | HTMLImageElement): Promise<PersonMask | null> {
  const landmarker = await poseLandmarker("IMAGE", "lite");
  const result = landmarker.detect(image);
  try {
    const mask = result.segmentationMasks?.[0];
    if (!mask) return null;
    return { width: mask.width, height: mask.height, alpha: mask.getAsFloat32Array().slice() };
  } finally {
    result.close();
  }
}
