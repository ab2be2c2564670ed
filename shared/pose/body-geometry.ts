// Measurements of one OpenPose person that the fashion masks and anchors scale by.
import { BODY, type Keypoint, type PosePerson } from "./model";
import type { Point } from "../raster/mask";

export const at = (person: PosePerson, part: keyof typeof BODY): Keypoint | null => person.body[BODY[part]] ?? null;

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const mean = (points: (Point | null)[]): Point | null => {
  const ps = points.filter((p): p is Point => p !== null);
  return ps.length
    ? { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length }
    : null;
};

/**
 * The head's width in px: ear to ear when both show, else from the eyes, the nose–neck
 * distance or the shoulders (so a profile still gets a sensible size).
 */
export function headSize(person: PosePerson): number | null {
  const [earR, earL, eyeR, eyeL, nose, neck, shR, shL] = (
    ["rightEar", "leftEar", "rightEye", "leftEye", "nose", "neck", "rightShoulder", "leftShoulder"] as const
  ).map((p) => at(person, p));
  if (earR && earL) return Math.max(dist(earR, earL), nose && neck ? dist(nose, neck) * 0.8 : 0);
  if (nose && neck) return dist(nose, neck) * 0.93;
  if (eyeR && eyeL) return dist(eyeR, eyeL) * 2.3;
  if (shR && shL) return dist(shR, shL) * 0.42;
  return null;
}

/** Where the head is: the middle of the ears/eyes/nose that show. */
export const headCentre = (person: PosePerson): Point | null =>
  mean((["rightEar", "leftEar", "rightEye", "leftEye", "nose"] as const).map((p) => at(person, p)));

/** The face (eyes, nose, mouth) that a hijab frames and an outfit leaves alone. */
export function faceOval(person: PosePerson, head: number) {
  const eyes = mean([at(person, "rightEye"), at(person, "leftEye")]);
  const nose = at(person, "nose");
  const centre = mean([eyes, nose]) ?? headCentre(person);
  if (!centre) return null;
  return { cx: centre.x, cy: centre.y + head * 0.12, rx: head * 0.33, ry: head * 0.48 };
}

export { dist, mean };
