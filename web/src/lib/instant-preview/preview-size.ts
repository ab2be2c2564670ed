// How big the preview is drawn: a quarter of SD's pixels, since the engine's time grows with the
// pixels it fills (bench/instant-preview.ts: about a third of SD's time per pose), in the pose's
// own canvas shape. Relative imports only: the bench reads this file too.
import type { OutputSize } from "../../../../shared/instant/contract";
import type { Pose } from "../../../../shared/pose/model";

/** The preview's height in pixels (half the SD output's 768). */
export const PREVIEW_HEIGHT = 384;

/** The preview size for a pose: PREVIEW_HEIGHT tall, as wide as the pose's canvas shape (within 1:4 to 2:1). */
export function previewSize(pose: Pick<Pose, "canvasWidth" | "canvasHeight">): OutputSize {
  const aspect = pose.canvasWidth > 0 && pose.canvasHeight > 0 ? pose.canvasWidth / pose.canvasHeight : 2 / 3;
  return { width: Math.round(PREVIEW_HEIGHT * Math.min(2, Math.max(0.25, aspect))), height: PREVIEW_HEIGHT };
}
