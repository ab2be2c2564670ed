// OpenPose JSON files in and out of the browser: export as a download, import from a picked or
// dropped file with a readable reason when it is not a pose we can use.
import type { Pose } from "$shared/pose/model";
import { writeOpenPoseFlavour } from "$shared/pose/openpose-flavours";
import { readOpenPose } from "$shared/pose/openpose-json";

/** Same limit as the API's JSON bodies: anything bigger is not a pose file. */
export const MAX_POSE_FILE_BYTES = 1024 * 1024;

export class PoseFileError extends Error {}

/**
 * The pose as OpenPose JSON text in the openpose editor's flavour, as the API's openpose.json
 * serves it by default: sd-webui-controlnet and ComfyUI read it too.
 */
export const poseJsonText = (pose: Pose) => JSON.stringify(writeOpenPoseFlavour(pose, "editor"), null, 2) + "\n";

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
