// OpenPose JSON as A1111's sd-webui-controlnet, sd-webui-openpose-editor and ComfyUI exchange it.
// Reading remembers each document's conventions (pixel or 0–1 coordinates, how missing points
// are written, a bare object or ComfyUI's list of frames) so writing gives the same document back.
import { z } from "zod";
import { BODY_POINTS, FACE_POINTS, HAND_POINTS, type Pose, type PosePerson, type Slot } from "./model";

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

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const triples = z.array(finite).nullable().optional();

const PersonJson = z.object({
  pose_keypoints_2d: triples,
  face_keypoints_2d: triples,
  hand_left_keypoints_2d: triples,
  hand_right_keypoints_2d: triples,
});

const canvasSide = z.number().int("must be a whole number of pixels").min(MIN_CANVAS).max(MAX_CANVAS);

const DocumentJson = z.object({
  canvas_width: canvasSide,
  canvas_height: canvasSide,
  people: z.array(PersonJson).max(MAX_PEOPLE, `at most ${MAX_PEOPLE} people per pose`),
});

/** The OpenPose JSON shapes we accept: one document, or ComfyUI's list of one frame. */
export const OpenPoseJson = z.union([DocumentJson, z.array(DocumentJson).length(1, "exactly one frame")]);

export class OpenPoseError extends Error {}

const isMissing = (x: number, y: number, c: number) => c <= 0 || (x < 0 && y < 0);

function readPoints(values: number[] | null | undefined, counts: number[], what: string, scale: [number, number]) {
  if (values == null) return { slots: null, missing: null as [number, number, number] | null };
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

/** True when every present coordinate lies in [0, 1]: the document is in normalised units. */
function looksNormalized(people: z.infer<typeof PersonJson>[]): boolean {
  let any = false;
  for (const person of people) {
    for (const values of Object.values(person)) {
      for (let i = 0; values && i < values.length; i += 3) {
        const [x, y, c] = [values[i]!, values[i + 1]!, values[i + 2]!];
        if (isMissing(x, y, c)) continue;
        if (x > 1 || y > 1) return false;
        any = true;
      }
    }
  }
  return any;
}

/** Checks and reads an OpenPose JSON value (already JSON.parsed). Throws OpenPoseError or ZodError. */
export function readOpenPose(json: unknown): ParsedOpenPose {
  const parsed = OpenPoseJson.parse(json);
  const doc = Array.isArray(parsed) ? parsed[0]! : parsed;
  const normalized = looksNormalized(doc.people);
  const scale: [number, number] = normalized ? [doc.canvas_width, doc.canvas_height] : [1, 1];
  let missing: [number, number, number] | null = null;
  const people: PosePerson[] = doc.people.map((p, n) => {
    const read = (values: number[] | null | undefined, counts: number[], what: string) => {
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
  for (const [n, person] of people.entries()) {
    for (const p of [...person.body, ...(person.face ?? []), ...(person.leftHand ?? []), ...(person.rightHand ?? [])]) {
      if (p && (p.x > doc.canvas_width || p.y > doc.canvas_height)) {
        throw new OpenPoseError(
          `people[${n}] has a point at (${p.x}, ${p.y}), outside the ${doc.canvas_width}×${doc.canvas_height} canvas`,
        );
      }
    }
  }
  return {
    pose: { canvasWidth: doc.canvas_width, canvasHeight: doc.canvas_height, people },
    format: {
      container: Array.isArray(parsed) ? "frames" : "object",
      coordinates: normalized ? "normalized" : "pixel",
      missing: missing ?? [0, 0, 0],
    },
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
