// The head moves as one rigid piece pivoting at the neck: its rotation is fitted to the target's
// visible face points, its size stays the body's (the avatar's own proportions) within ±10 %.
import { BODY } from "../pose/model";
import { cross, sub, wrapAngle, type Vec } from "./plane";
import { HEAD_POINTS } from "./skeleton-tree";

/** The most the head may roll against the torso, radians (45°). */
export const MAX_HEAD_ROLL = Math.PI / 4;
/** How far the head's size may follow the target's face away from the body's scale. */
const HEAD_SCALE_RANGE: [number, number] = [0.9, 1.1];

/**
 * The head's rotation and scale from the avatar (`source`, its pixels) to the target (`target`,
 * complete, output pixels): the least-squares rotation about the neck of the visible (`given`)
 * nose, eyes and ears — with the nose alone that is the neck→nose angle — kept within ±45° of
 * the torso's turn; with no face point visible the head keeps the avatar's angle to the torso.
 * The scale is `bodyScale` times the fitted face size's ratio to it, clamped to 0.9–1.1.
 */
export function fitHead(
  source: readonly Vec[],
  target: readonly Vec[],
  given: readonly boolean[],
  torsoTurn: number,
  bodyScale: number,
): { angle: number; scale: number } {
  let dot = 0;
  let crs = 0;
  let norm = 0;
  for (const h of HEAD_POINTS) {
    if (!given[h]) continue;
    const u = sub(source[h]!, source[BODY.neck]!);
    const v = sub(target[h]!, target[BODY.neck]!);
    dot += u.x * v.x + u.y * v.y;
    crs += cross(u, v);
    norm += u.x * u.x + u.y * u.y;
  }
  const fitted = norm > 1e-9 && Math.hypot(dot, crs) > 1e-9;
  const angle = fitted ? Math.atan2(crs, dot) : torsoTurn;
  const roll = Math.min(Math.max(wrapAngle(angle - torsoTurn), -MAX_HEAD_ROLL), MAX_HEAD_ROLL);
  const ratio = fitted ? Math.hypot(dot, crs) / norm / bodyScale : 1;
  const [lo, hi] = HEAD_SCALE_RANGE;
  return { angle: wrapAngle(torsoTurn + roll), scale: bodyScale * Math.min(Math.max(ratio, lo), hi) };
}
