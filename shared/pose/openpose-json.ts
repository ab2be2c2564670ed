// OpenPose JSON as the tools our users have write it (docs/openpose-flavours.md).
// Reading remembers each document's conventions (pixel or 0–1 coordinates, how missing points
// are written, a bare object or ComfyUI's list of frames) so writing gives the same document back.
import { BODY_POINTS, FACE_POINTS, HAND_POINTS, type Pose, type PosePerson, type Slot } from "./model";
import { toCoco18 } from "./openpose-bodies";
import {
  CanvasSizeMissing,
  FrameChoiceNeeded,
  OpenPoseError,
  describe,
  isRecord,
  pickDocument,
} from "./openpose-documents";

export { CanvasSizeMissing, FrameChoiceNeeded, OpenPoseError };

export const MAX_PEOPLE = 10;
export const MIN_CANVAS = 64;
export const MAX_CANVAS = 4096;
/** DWPose writes 68 face points; OpenPose 70. Both are read and written back as they came. */
const FACE_LENGTHS = [FACE_POINTS, 68];

export interface OpenPoseFormat {
  container: "object" | "frames";
  coordinates: "pixel" | "normalized";
  /** The triple written for a missing point, e.g. [0, 0, 0] or [-1, -1, 0]. */
  missing: [number, number, number];
}

export interface ParsedOpenPose {
  pose: Pose;
  format: OpenPoseFormat;
}

/** Canvas and frame for files that lack them: CMU OpenPose writes no canvas, ComfyUI batches hold frames. */
export interface ReadOptions {
  /** The canvas of a file that names none (e.g. the request's ?width=&height=); the file's own wins. */
  canvas?: { width: number; height: number };
  /** Which frame of a list of frames (ComfyUI batches); needed when there are several. */
  frame?: number;
}

type Numbers = number[] | null;
interface PersonJson {
  pose_keypoints_2d: Numbers;
  face_keypoints_2d: Numbers;
  hand_left_keypoints_2d: Numbers;
  hand_right_keypoints_2d: Numbers;
}
const PARTS = ["pose_keypoints_2d", "face_keypoints_2d", "hand_left_keypoints_2d", "hand_right_keypoints_2d"] as const;
/** How far outside the canvas a point may lie (detectors keep joints past the frame; absurd values are refused). */
const MAX_COORDINATE = 4 * MAX_CANVAS;

/** A part's numbers: null for a part not computed (`null`, `[]` or absent), else finite numbers within reach. */
function numbers(value: unknown, path: string): Numbers {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return null;
  if (!Array.isArray(value)) throw new OpenPoseError(`${path}: expected a list of numbers, found ${describe(value)}`);
  value.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new OpenPoseError(
        `${path}[${i}]: expected a finite number, found ${typeof v === "number" ? v : describe(v)}`,
      );
    if (Math.abs(v) > MAX_COORDINATE)
      throw new OpenPoseError(`${path}[${i}]: ${v} lies too far from any canvas (at most ${MAX_COORDINATE} px)`);
  });
  return value as number[];
}

/** One canvas side: the document's own, else the one given, else an error naming both ways. */
function canvasSide(doc: Record<string, unknown>, key: "canvas_width" | "canvas_height", given: number | undefined) {
  const value = doc[key] ?? given;
  if (value === undefined) throw new CanvasSizeMissing();
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_CANVAS || value > MAX_CANVAS)
    throw new OpenPoseError(
      `${key}: expected a whole number of pixels from ${MIN_CANVAS} to ${MAX_CANVAS}, found ${String(value)}`,
    );
  return value;
}

function readPeople(doc: Record<string, unknown>): PersonJson[] {
  const { people } = doc;
  if (!Array.isArray(people)) throw new OpenPoseError(`people: expected a list of people, found ${describe(people)}`);
  if (people.length > MAX_PEOPLE)
    throw new OpenPoseError(`people: at most ${MAX_PEOPLE} people per pose, found ${people.length}`);
  return people.map((person, n) => {
    if (!isRecord(person)) throw new OpenPoseError(`people[${n}]: expected an object, found ${describe(person)}`);
    const read = Object.fromEntries(PARTS.map((part) => [part, numbers(person[part], `people[${n}].${part}`)]));
    return {
      ...read,
      pose_keypoints_2d: toCoco18(read.pose_keypoints_2d ?? null, `people[${n}].pose_keypoints_2d`),
    } as PersonJson;
  });
}

const isMissing = (x: number, y: number, c: number) => c <= 0 || (x < 0 && y < 0);

function readPoints(values: Numbers, counts: number[], what: string, scale: [number, number]) {
  if (values === null) return { slots: null, missing: null as [number, number, number] | null };
  if (!counts.some((n) => values.length === n * 3)) {
    throw new OpenPoseError(`${what} must have ${counts.map((n) => n * 3).join(" or ")} numbers, not ${values.length}`);
  }
  let missing: [number, number, number] | null = null;
  const slots: Slot[] = [];
  for (let i = 0; i < values.length; i += 3) {
    const [x, y, c] = [values[i]!, values[i + 1]!, values[i + 2]!];
    if (isMissing(x, y, c)) {
      missing ??= [x, y, c];
      slots.push(null);
    } else {
      slots.push({ x: x * scale[0], y: y * scale[1], c });
    }
  }
  return { slots, missing };
}

/** True when every present coordinate lies in [0, 1]: the document is in normalised units (as the tools decide it). */
function looksNormalized(people: PersonJson[]): boolean {
  let any = false;
  for (const person of people) {
    for (const values of Object.values(person)) {
      for (let i = 0; values && i < values.length; i += 3) {
        const [x, y, c] = [values[i]!, values[i + 1]!, values[i + 2]!];
        if (isMissing(x, y, c)) continue;
        if (Math.abs(x) > 1 || Math.abs(y) > 1) return false;
        any = true;
      }
    }
  }
  return any;
}

/**
 * Reads an OpenPose file (already JSON.parsed) as any of the tools write it: sd-webui-controlnet,
 * the openpose editors, ComfyUI (a list of frames), CMU OpenPose 1.3 (BODY_25 or COCO-18, no
 * canvas), the older {width, height, keypoints}. Points outside the canvas are kept. Throws an
 * OpenPoseError naming the field and what was expected.
 */
export function readOpenPose(json: unknown, options: ReadOptions = {}): ParsedOpenPose {
  const { doc, container } = pickDocument(json, options.frame);
  if (!isRecord(doc))
    throw new OpenPoseError(
      `expected an OpenPose document (an object with "people") or a list of frames, found ${describe(doc)}`,
    );
  const width = canvasSide(doc, "canvas_width", options.canvas?.width);
  const height = canvasSide(doc, "canvas_height", options.canvas?.height);
  const source = readPeople(doc);
  const normalized = looksNormalized(source);
  const scale: [number, number] = normalized ? [width, height] : [1, 1];
  let missing: [number, number, number] | null = null;
  const people: PosePerson[] = source.map((p, n) => {
    const read = (values: Numbers, counts: number[], what: string) => {
      const r = readPoints(values, counts, `people[${n}].${what}`, scale);
      missing ??= r.missing;
      return r.slots;
    };
    return {
      body: read(p.pose_keypoints_2d, [BODY_POINTS], "pose_keypoints_2d") ?? Array<Slot>(BODY_POINTS).fill(null),
      face: read(p.face_keypoints_2d, FACE_LENGTHS, "face_keypoints_2d"),
      leftHand: read(p.hand_left_keypoints_2d, [HAND_POINTS], "hand_left_keypoints_2d"),
      rightHand: read(p.hand_right_keypoints_2d, [HAND_POINTS], "hand_right_keypoints_2d"),
    };
  });
  return {
    pose: { canvasWidth: width, canvasHeight: height, people },
    format: { container, coordinates: normalized ? "normalized" : "pixel", missing: missing ?? [0, 0, 0] },
  };
}

export const DEFAULT_FORMAT: OpenPoseFormat = { container: "object", coordinates: "pixel", missing: [0, 0, 0] };

/** Writes a pose as OpenPose JSON (a plain value, ready for JSON.stringify). */
export function writeOpenPose(pose: Pose, format: OpenPoseFormat = DEFAULT_FORMAT): unknown {
  const sx = format.coordinates === "normalized" ? 1 / pose.canvasWidth : 1;
  const sy = format.coordinates === "normalized" ? 1 / pose.canvasHeight : 1;
  const flat = (slots: Slot[] | null) =>
    slots === null ? null : slots.flatMap((p) => (p ? [p.x * sx, p.y * sy, p.c] : format.missing));
  const doc = {
    people: pose.people.map((p) => ({
      pose_keypoints_2d: flat(p.body),
      face_keypoints_2d: flat(p.face),
      hand_left_keypoints_2d: flat(p.leftHand),
      hand_right_keypoints_2d: flat(p.rightHand),
    })),
    canvas_width: pose.canvasWidth,
    canvas_height: pose.canvasHeight,
  };
  return format.container === "frames" ? [doc] : doc;
}
