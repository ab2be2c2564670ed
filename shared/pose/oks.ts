// COCO Object Keypoint Similarity between two poses' bodies: 1 for identical, towards 0 as
// joints drift apart relative to the person's size.
import { BODY_POINTS, type PosePerson } from "./model";
import { boundingBox } from "./transform";

/** COCO sigmas in OpenPose order; the neck (not in COCO) uses the shoulders'. */
export const OKS_SIGMAS = [
  0.026, 0.079, 0.079, 0.072, 0.062, 0.079, 0.072, 0.062, 0.107, 0.087, 0.089, 0.107, 0.087, 0.089, 0.025, 0.025, 0.035,
  0.035,
];

/**
 * OKS of `candidate` against `reference`, over the joints present in the reference (a joint the
 * candidate lacks counts 0). Scale s² is the reference's bounding-box area. Null when the
 * reference has no joints.
 */
export function objectKeypointSimilarity(reference: PosePerson, candidate: PosePerson): number | null {
  const present = reference.body.flatMap((p, i) => (p ? [{ p, i }] : []));
  if (present.length === 0) return null;
  const box = boundingBox(present.map((x) => x.p))!;
  const area = Math.max((box.maxX - box.minX) * (box.maxY - box.minY), 1);
  let sum = 0;
  for (const { p, i } of present) {
    const q = candidate.body[i];
    if (!q || i >= BODY_POINTS) continue;
    const d2 = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
    const k = 2 * OKS_SIGMAS[i]!;
    sum += Math.exp(-d2 / (2 * area * k * k));
  }
  return sum / present.length;
}
