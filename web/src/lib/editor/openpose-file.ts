// OpenPose JSON files in and out of the browser: export as a download, import from a picked or
// dropped file with a readable reason when it is not a pose we can use.
import type { Pose } from "$shared/pose/model";
import { readOpenPose, writeOpenPose } from "$shared/pose/openpose-json";

/** Same limit as the API's JSON bodies: anything bigger is not a pose file. */
export const MAX_POSE_FILE_BYTES = 1024 * 1024;

export class PoseFileError extends Error {}

/** The pose as the OpenPose JSON text we export (and the API stores). */
export const poseJsonText = (pose: Pose) => JSON.stringify(writeOpenPose(pose), null, 2) + "\n";

export function downloadPoseJson(pose: Pose, name: string) {
  const url = URL.createObjectURL(new Blob([poseJsonText(pose)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name.trim().replace(/[^\p{L}\p{N}_-]+/gu, "-") || "pose"}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function readPoseFile(file: File): Promise<Pose> {
  if (file.size > MAX_POSE_FILE_BYTES) throw new PoseFileError("too_big");
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new PoseFileError("not_json");
  }
  try {
    return readOpenPose(json).pose;
  } catch (err) {
    // The importer's own reason, naming the field and what it expected.
    throw new PoseFileError((err as Error).message || "invalid");
  }
}
