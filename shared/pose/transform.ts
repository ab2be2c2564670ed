// Geometry on whole poses: mirror, bounding box, fit into a canvas, rotate and scale.
import { BODY, BODY_PART_NAMES, type Keypoint, type Pose, type PosePerson, type Slot } from "./model";

const mapPerson = (person: PosePerson, f: (p: Keypoint) => Keypoint): PosePerson => {
  const map = (slots: Slot[] | null) => (slots ? slots.map((p) => (p ? f(p) : null)) : null);
  return {
    body: map(person.body)!,
    face: map(person.face),
    leftHand: map(person.leftHand),
    rightHand: map(person.rightHand),
  };
};

/** Every present point of a pose (body, hands, face). */
export function allPoints(pose: Pose): Keypoint[] {
  return pose.people.flatMap((p) =>
    [p.body, p.face ?? [], p.leftHand ?? [], p.rightHand ?? []].flat().filter((q): q is Keypoint => q !== null),
  );
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounding box of the present points, or null for an empty pose. */
export function boundingBox(points: Keypoint[]): Box | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Left–right index swap of the body: the mirrored right shoulder is the left one. */
export const BODY_MIRROR = BODY_PART_NAMES.map((name) => {
  const twin = name.startsWith("right") ? name.replace("right", "left") : name.replace("left", "right");
  return BODY[twin as keyof typeof BODY];
});

/** Mirrors horizontally across the canvas: x → width − x, with left and right swapped. */
export function mirrorPose(pose: Pose): Pose {
  const flip = (p: Keypoint) => ({ ...p, x: pose.canvasWidth - p.x });
  return {
    ...pose,
    people: pose.people.map((person) => {
      const flipped = mapPerson(person, flip);
      return {
        body: BODY_MIRROR.map((i) => flipped.body[i] ?? null),
        face: flipped.face,
        leftHand: flipped.rightHand,
        rightHand: flipped.leftHand,
      };
    }),
  };
}

/** Applies an affine map x' = a·x + b·y + tx, y' = c·x + d·y + ty to every point. */
function affine(
  pose: Pose,
  [a, b, c, d, tx, ty]: number[],
  canvas: Pick<Pose, "canvasWidth" | "canvasHeight"> = pose,
): Pose {
  const f = (p: Keypoint) => ({ ...p, x: a! * p.x + b! * p.y + tx!, y: c! * p.x + d! * p.y + ty! });
  return {
    canvasWidth: canvas.canvasWidth,
    canvasHeight: canvas.canvasHeight,
    people: pose.people.map((q) => mapPerson(q, f)),
  };
}

/** Rotates (degrees, clockwise on screen) and scales the whole pose about a centre point. */
export function rotateScalePose(pose: Pose, degrees: number, scale: number, center?: { x: number; y: number }): Pose {
  const box = boundingBox(allPoints(pose));
  const cx = center?.x ?? (box ? (box.minX + box.maxX) / 2 : pose.canvasWidth / 2);
  const cy = center?.y ?? (box ? (box.minY + box.maxY) / 2 : pose.canvasHeight / 2);
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r) * scale;
  const sin = Math.sin(r) * scale;
  return affine(pose, [cos, -sin, sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy]);
}

/**
 * Scales and moves the pose (aspect kept) so its points fill a canvas of the given size,
 * leaving `margin` (a fraction of each side) free, centred.
 */
export function fitPose(pose: Pose, width: number, height: number, margin = 0.05): Pose {
  const box = boundingBox(allPoints(pose));
  const canvas = { canvasWidth: width, canvasHeight: height };
  if (!box) return { ...pose, ...canvas };
  const bw = Math.max(box.maxX - box.minX, 1e-9);
  const bh = Math.max(box.maxY - box.minY, 1e-9);
  const s = Math.min((width * (1 - 2 * margin)) / bw, (height * (1 - 2 * margin)) / bh);
  const tx = (width - bw * s) / 2 - box.minX * s;
  const ty = (height - bh * s) / 2 - box.minY * s;
  return affine(pose, [s, 0, 0, s, tx, ty], canvas);
}

/**
 * Puts the pose on a width×height canvas at the largest uniform scale that fits its own canvas,
 * centred (letterboxed), so a template of any aspect keeps its proportions at the output size.
 */
export function letterboxPose(pose: Pose, width: number, height: number): Pose {
  const s = Math.min(width / pose.canvasWidth, height / pose.canvasHeight);
  const tx = (width - pose.canvasWidth * s) / 2;
  const ty = (height - pose.canvasHeight * s) / 2;
  return affine(pose, [s, 0, 0, s, tx, ty], { canvasWidth: width, canvasHeight: height });
}
