// A provider detector's answer as a Pose: OpenPose JSON (a document or ComfyUI's list of frames,
// pixel or 0–1 coordinates) read by the same reader as uploaded pose files, body points only (the
// score compares bodies; faces and hands would only make the stored detection larger).
import type { Pose } from "../../shared/pose/model";
import { readOpenPose } from "../../shared/pose/openpose-json";

/**
 * The pose in a detector's OpenPose JSON (its first frame), or undefined when it is not one.
 * `canvas` replaces the document's canvas when the detector padded the picture it read (the
 * points stay where they are; only the padding is cut off).
 */
export function detectedPose(json: unknown, canvas?: { width: number; height: number }): Pose | undefined {
  try {
    const { pose } = readOpenPose(json, { frame: 0 });
    return {
      canvasWidth: canvas?.width ?? pose.canvasWidth,
      canvasHeight: canvas?.height ?? pose.canvasHeight,
      people: pose.people.map((p) => ({ body: p.body, face: null, leftHand: null, rightHand: null })),
    };
  } catch {
    return undefined;
  }
}
