// OpenPose JSON files in and out of the browser: export as a download in the flavour of the tool
// that will read it, import from a picked or dropped file. A file that needs a choice (a ComfyUI
// batch: which frame; a CMU OpenPose file: which picture size) comes back as that choice, so the
// editor can ask instead of refusing.
import type { Pose } from "$shared/pose/model";
import { writeOpenPoseFlavour, type OpenPoseFlavour } from "$shared/pose/openpose-flavours";
import { CanvasSizeMissing, FrameChoiceNeeded, MAX_CANVAS, MIN_CANVAS, readOpenPose } from "$shared/pose/openpose-json";
import { TEMPLATE_CANVAS } from "$shared/templates/built-in-rows";

/** Same limit as the API's JSON bodies: anything bigger is not a pose file. */
export const MAX_POSE_FILE_BYTES = 1024 * 1024;

export class PoseFileError extends Error {}

export type CanvasSize = { width: number; height: number };

/** A file read: a pose, or the choice the user must make first. */
export type PoseFileRead =
  | { kind: "pose"; pose: Pose }
  | { kind: "frames"; frames: Pose[] }
  | { kind: "size"; suggested: CanvasSize; open: (size: CanvasSize) => Pose };

/** The pose as OpenPose JSON text in a tool's flavour (the openpose editor's by default, as the API serves it). */
export const poseJsonText = (pose: Pose, flavour: OpenPoseFlavour = "editor") =>
  JSON.stringify(writeOpenPoseFlavour(pose, flavour), null, 2) + "\n";

export function downloadPoseJson(pose: Pose, name: string, flavour: OpenPoseFlavour = "editor") {
  const url = URL.createObjectURL(new Blob([poseJsonText(pose, flavour)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  const base = name.trim().replace(/[^\p{L}\p{N}_-]+/gu, "-") || "pose";
  link.download = flavour === "editor" ? `${base}.json` : `${base}.${flavour}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A canvas that holds every point of a file without one: pixel files get the smallest size past
 * their points (5 % margin, whole multiples of 8); normalised ones the template canvas.
 */
function suggestCanvas(json: unknown): CanvasSize {
  const { pose, format } = readOpenPose(json, { canvas: { width: MAX_CANVAS, height: MAX_CANVAS } });
  if (format.coordinates === "normalized") return { ...TEMPLATE_CANVAS };
  const points = pose.people.flatMap((p) => p.body.filter((q) => q !== null));
  const side = (v: number) => Math.min(MAX_CANVAS, Math.max(MIN_CANVAS, Math.ceil((v * 1.05) / 8) * 8));
  return {
    width: side(Math.max(0, ...points.map((p) => p.x))),
    height: side(Math.max(0, ...points.map((p) => p.y))),
  };
}

/** Reads parsed OpenPose JSON as the editor takes it; throws PoseFileError with the importer's own reason. */
export function readPoseJson(json: unknown): PoseFileRead {
  try {
    return { kind: "pose", pose: readOpenPose(json).pose };
  } catch (err) {
    try {
      if (err instanceof FrameChoiceNeeded)
        return {
          kind: "frames",
          frames: Array.from({ length: err.frames }, (_, frame) => {
            try {
              return readOpenPose(json, { frame }).pose;
            } catch (inner) {
              throw new PoseFileError(`frame ${frame}: ${(inner as Error).message}`);
            }
          }),
        };
      if (err instanceof CanvasSizeMissing)
        return { kind: "size", suggested: suggestCanvas(json), open: (canvas) => readOpenPose(json, { canvas }).pose };
    } catch (inner) {
      err = inner;
    }
    if (err instanceof PoseFileError) throw err;
    // The importer's own reason, naming the field and what it expected.
    throw new PoseFileError((err as Error).message || "invalid");
  }
}

export async function readPoseFile(file: File): Promise<PoseFileRead> {
  if (file.size > MAX_POSE_FILE_BYTES) throw new PoseFileError("too_big");
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new PoseFileError("not_json");
  }
  return readPoseJson(json);
}
