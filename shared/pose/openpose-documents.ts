// The one OpenPose document a file holds, whatever tool wrote it: a frame of ComfyUI's list, the
// older editors' {width, height, keypoints} converted, or the object itself (docs/openpose-flavours.md).
import { BODY_POINTS } from "./model";

export class OpenPoseError extends Error {}

/** A list of several frames read without saying which: the caller must choose one (ComfyUI batches). */
export class FrameChoiceNeeded extends OpenPoseError {
  constructor(readonly frames: number) {
    super(`the file holds ${frames} frames (a ComfyUI batch): choose one with ?frame=0 to ?frame=${frames - 1}`);
  }
}

/** A file that names no canvas (CMU OpenPose writes none) read without one given. */
export class CanvasSizeMissing extends OpenPoseError {
  constructor() {
    super(
      "the file has no canvas size (canvas_width, canvas_height), as CMU OpenPose writes it: give it with ?width=&height=",
    );
  }
}

/** What a value is, for messages: "a string", "a list of 3", "null". */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Picks the frame of a list (ComfyUI's POSE_KEYPOINT): the one asked for, or the only one. */
function pickFrame(frames: unknown[], frame: number | undefined): unknown {
  const n = frames.length;
  if (n === 0) throw new OpenPoseError("the file is a list of frames, but it is empty");
  if (frame === undefined) {
    if (n > 1) throw new FrameChoiceNeeded(n);
    return frames[0];
  }
  if (!Number.isInteger(frame) || frame < 0 || frame >= n)
    throw new OpenPoseError(`there is no frame ${frame}: the file holds ${n} frames, 0 to ${n - 1}`);
  return frames[frame];
}

/**
 * fkunn1326/openpose-editor's document (`javascript/main.js` L445-456): integer [x, y] pairs, 18 per
 * person in COCO-18 order, with no confidence and no missing marker, so every joint is visible.
 */
function fromOlderEditor(doc: Record<string, unknown>) {
  const { keypoints } = doc;
  if (!Array.isArray(keypoints))
    throw new OpenPoseError(`keypoints: expected a list of [x, y] pairs, found ${describe(keypoints)}`);
  keypoints.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => typeof v === "number" && Number.isFinite(v)))
      throw new OpenPoseError(`keypoints[${i}]: expected an [x, y] pair of numbers, found ${describe(pair)}`);
  });
  if (keypoints.length % BODY_POINTS !== 0)
    throw new OpenPoseError(`keypoints has ${keypoints.length} points; the editor writes ${BODY_POINTS} per person`);
  const people = [];
  for (let i = 0; i < keypoints.length; i += BODY_POINTS)
    people.push({
      pose_keypoints_2d: (keypoints.slice(i, i + BODY_POINTS) as number[][]).flatMap(([x, y]) => [x, y, 1]),
    });
  return { canvas_width: doc.width, canvas_height: doc.height, people };
}

/** The document to read and how it came: a bare object or a list of frames. */
export function pickDocument(json: unknown, frame: number | undefined) {
  if (Array.isArray(json)) return { doc: pickFrame(json, frame), container: "frames" as const };
  if (isRecord(json) && !("people" in json) && "keypoints" in json)
    return { doc: fromOlderEditor(json), container: "object" as const };
  return { doc: json, container: "object" as const };
}
