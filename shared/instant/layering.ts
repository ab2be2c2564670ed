// What the painter's order needs to know about a pose: which side of the body is nearer the
// camera (its arm and leg are drawn over the far ones) and which arm crosses in front of the torso.
import { BODY } from "../pose/model";
import { add, mid, sub, type Vec } from "./plane";

const J = BODY;
/** The hand reaches past the wrist by this share of the forearm. */
const HAND_REACH = 0.3;
const SAMPLES = 12;

/** Front view: the subject's right shoulder is on the screen's left. Null without both shoulders. */
export function isFrontView(body: readonly (Vec | null)[]): boolean | null {
  const [r, l] = [body[J.rightShoulder], body[J.leftShoulder]];
  return r && l ? r.x < l.x : null;
}

/**
 * Whether the subject's left side is nearer the camera, from the target's visible (non-null)
 * joints: the side of the only visible ear, else of the only visible eye; with both or neither,
 * the way the nose points from the ears' (else eyes', else neck's) middle — facing the screen's
 * left shows the subject's left side in a front view and the right side in a back view.
 */
export function leftIsNear(body: readonly (Vec | null)[]): boolean {
  const onlyOne = (r: number, l: number) => (!!body[r] !== !!body[l] ? !!body[l] : null);
  const side = onlyOne(J.rightEar, J.leftEar) ?? onlyOne(J.rightEye, J.leftEye);
  if (side !== null) return side;
  const pair = (r: number, l: number) => (body[r] && body[l] ? mid(body[r]!, body[l]!) : null);
  const centre = pair(J.rightEar, J.leftEar) ?? pair(J.rightEye, J.leftEye) ?? body[J.neck];
  const nose = body[J.nose];
  if (!nose || !centre || nose.x === centre.x) return false;
  const facingLeft = nose.x < centre.x;
  return (isFrontView(body) ?? true) ? facingLeft : !facingLeft;
}

/** Even–odd point-in-polygon test. */
function inside(p: Vec, polygon: readonly Vec[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [a, b] = [polygon[i]!, polygon[j]!];
    if (a.y > p.y !== b.y > p.y && p.x < a.x + ((p.y - a.y) * (b.x - a.x)) / (b.y - a.y)) hit = !hit;
  }
  return hit;
}

/**
 * Per arm, whether it is drawn in front of the torso: in a front view, when its forearm or hand
 * (elbow to a little past the wrist) enters the shoulder–hip quad. An arm whose wrist the target
 * hides (`given` false) goes behind; so does every arm in a back view.
 */
export function armInFront(joints: readonly Vec[], given: readonly boolean[]): { left: boolean; right: boolean } {
  if (!isFrontView(joints)) return { left: false, right: false };
  const quad = [J.rightShoulder, J.leftShoulder, J.leftHip, J.rightHip].map((i) => joints[i]!);
  const crosses = (elbow: number, wrist: number) => {
    if (!given[wrist]) return false;
    const [e, w] = [joints[elbow]!, joints[wrist]!];
    const forearm = sub(w, e);
    for (let k = 0; k <= SAMPLES; k++) {
      if (inside(add(e, forearm, ((1 + HAND_REACH) * k) / SAMPLES), quad)) return true;
    }
    return false;
  };
  return { left: crosses(J.leftElbow, J.leftWrist), right: crosses(J.rightElbow, J.rightWrist) };
}
