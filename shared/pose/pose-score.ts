// A result's pose score: OKS of the pose detected in it against the skeleton its engine or
// provider was given. Detectors may report at another resolution than the output (a browser
// detects on the displayed image), so the detection is brought onto the requested canvas first.
import type { Pose, PosePerson } from "./model";
import { objectKeypointSimilarity } from "./oks";

/** The first person of `pose`, scaled from its canvas onto `width` × `height`. */
function onCanvas(pose: Pose, width: number, height: number): PosePerson | null {
  const person = pose.people[0];
  if (!person) return null;
  const sx = width / pose.canvasWidth;
  const sy = height / pose.canvasHeight;
  const scale = (slots: PosePerson["body"]) => slots.map((p) => (p ? { ...p, x: p.x * sx, y: p.y * sy } : p));
  return {
    body: scale(person.body),
    face: person.face && scale(person.face),
    leftHand: person.leftHand && scale(person.leftHand),
    rightHand: person.rightHand && scale(person.rightHand),
  };
}

/**
 * OKS in [0, 1] of `detected` against `requested` (their first people); 0 when nobody was
 * detected, null when the requested pose has no body joints to compare with.
 */
export function poseScore(requested: Pose, detected: Pose): number | null {
  const reference = requested.people[0];
  if (!reference) return null;
  const candidate = onCanvas(detected, requested.canvasWidth, requested.canvasHeight);
  const empty: PosePerson = { body: reference.body.map(() => null), face: null, leftHand: null, rightHand: null };
  const score = objectKeypointSimilarity(reference, candidate ?? empty);
  return score === null ? null : Math.min(1, Math.max(0, score));
}
