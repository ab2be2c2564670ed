// Plausibility checks for a body: proportions within human ranges, no inverted or twisted torso,
// everything on the canvas. Used to vet the built-in library and to warn editors.
import { BODY, type Keypoint, type Pose, type PosePerson } from "./model";

const dist = (a: Keypoint, b: Keypoint) => Math.hypot(a.x - b.x, a.y - b.y);
const mid = (a: Keypoint, b: Keypoint): Keypoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, c: 1 });

/** Each limb's 2D length as a fraction of torso length (neck → hip midpoint): [min, max]. */
export const LIMB_RANGES: Record<string, [number, number, number, number]> = {
  // name: [from, to, min, max]; minimums allow for foreshortening toward the camera.
  upperArm: [BODY.rightShoulder, BODY.rightElbow, 0.3, 0.75],
  forearm: [BODY.rightElbow, BODY.rightWrist, 0.25, 0.65],
  thigh: [BODY.rightHip, BODY.rightKnee, 0.2, 0.95],
  shin: [BODY.rightKnee, BODY.rightAnkle, 0.35, 0.9],
};
const LEFT_OF: Record<number, number> = {
  [BODY.rightShoulder]: BODY.leftShoulder,
  [BODY.rightElbow]: BODY.leftElbow,
  [BODY.rightWrist]: BODY.leftWrist,
  [BODY.rightHip]: BODY.leftHip,
  [BODY.rightKnee]: BODY.leftKnee,
  [BODY.rightAnkle]: BODY.leftAnkle,
};

/** Human-readable problems with one person's body (empty when plausible). */
export function anatomyProblems(person: PosePerson, canvas?: Pick<Pose, "canvasWidth" | "canvasHeight">): string[] {
  const b = person.body;
  const problems: string[] = [];
  if (canvas) {
    b.forEach((p, i) => {
      if (p && (p.x < 0 || p.y < 0 || p.x > canvas.canvasWidth || p.y > canvas.canvasHeight)) {
        problems.push(`point ${i} is off the canvas`);
      }
    });
  }
  const [neck, rHip, lHip, rSh, lSh, nose] = [
    b[BODY.neck],
    b[BODY.rightHip],
    b[BODY.leftHip],
    b[BODY.rightShoulder],
    b[BODY.leftShoulder],
    b[BODY.nose],
  ];
  if (!neck || !rHip || !lHip || !rSh || !lSh) return [...problems, "neck, shoulders and hips are needed"];
  const hips = mid(rHip, lHip);
  const torso = dist(neck, hips);
  if (torso < 1) return [...problems, "the torso has no length"];
  if (neck.y >= hips.y) problems.push("the torso is upside down (neck below the hips)");
  if (nose && nose.y >= neck.y) problems.push("the head is below the neck");
  if (nose && (dist(nose, neck) < 0.15 * torso || dist(nose, neck) > 0.5 * torso))
    problems.push("the head is out of proportion");
  const shoulderSide = Math.sign(lSh.x - rSh.x);
  const hipSide = Math.sign(lHip.x - rHip.x);
  if (Math.abs(lSh.x - rSh.x) > 0.1 * torso && Math.abs(lHip.x - rHip.x) > 0.1 * torso && shoulderSide !== hipSide) {
    problems.push("the torso is twisted: shoulders and hips face opposite ways");
  }
  const shoulderWidth = dist(rSh, lSh) / torso;
  if (shoulderWidth < 0.2 || shoulderWidth > 1.0)
    problems.push(`shoulder width ${shoulderWidth.toFixed(2)}× torso is implausible`);
  if (dist(rHip, lHip) > shoulderWidth * torso * 1.2) problems.push("the hips are wider than the shoulders allow");

  for (const [name, [from, to, min, max]] of Object.entries(LIMB_RANGES)) {
    const lengths: number[] = [];
    for (const [a, c] of [
      [from, to],
      [LEFT_OF[from]!, LEFT_OF[to]!],
    ]) {
      const p = b[a!];
      const q = b[c!];
      if (!p || !q) continue;
      const r = dist(p, q) / torso;
      lengths.push(r);
      if (r < min || r > max) problems.push(`${name} length ${r.toFixed(2)}× torso is outside ${min}–${max}`);
    }
    // The two sides of an unforeshortened pair should match.
    if (lengths.length === 2 && (name === "upperArm" || name === "forearm")) {
      const ratio = Math.max(...lengths) / Math.min(...lengths);
      if (ratio > 1.35) problems.push(`left and right ${name} differ by ${ratio.toFixed(2)}×`);
    }
  }
  return problems;
}
