// Retargeting: the target pose's bone directions on the avatar's own bone lengths, placed and
// scaled to fill the output as the template fills its canvas (instant-engine.md, "Per pose" 1–4).
// The avatar's missing joints come from standard proportions, the target's from the avatar's own
// angles (missing-joints.ts); the head turns as one piece (head-fit.ts); layering.ts says which
// side is near and which arm crosses the body.
import { BODY, BODY_POINTS, type Pose, type PosePerson } from "../pose/model";
import { letterboxPose } from "../pose/transform";
import type { OutputSize, Retarget, RetargetedPose } from "./contract";
import { fitHead } from "./head-fit";
import { armInFront, leftIsNear } from "./layering";
import { completeAvatar, fillMissingJoints } from "./missing-joints";
import {
  add,
  angleOf,
  applySimilarity,
  fitScaleShift,
  fitSimilarity,
  length,
  mid,
  quantile,
  rotate,
  sub,
  wrapAngle,
  type Vec,
} from "./plane";
import { FK_BONES, HEAD_POINTS, isPresent, MID_HIP, withMidHip } from "./skeleton-tree";

/** A bone's target/source length ratio, relative to the body's g, is kept within this range: some foreshortening, little stretch. */
export const BONE_RATIO_RANGE: [number, number] = [0.6, 1.1];
/** g, the body's scale, is this quantile of the scale groups' target/source length ratios. */
const G_QUANTILE = 0.5;
/** With too few target joints to measure, the body fills this share of the output (the templates' 8 % margins). */
const FILL = 0.84;

/**
 * The target's first person's 18 joints on the output, the template canvas letterboxed into it
 * (uniform scale, centred); null where a joint is missing (all null without a person).
 */
export function targetInOutput(target: Pose, size: OutputSize): (Vec | null)[] {
  const body = letterboxPose({ ...target, people: target.people.slice(0, 1) }, size.width, size.height).people[0]?.body;
  return Array.from({ length: BODY_POINTS }, (_, i) => {
    const p = body?.[i];
    return isPresent(p) ? { x: p.x, y: p.y } : null;
  });
}

/** The retargeted skeleton as an OpenPose person (every joint placed, c = 1), e.g. for OKS or a ControlNet image. */
export const retargetedPerson = (r: RetargetedPose): PosePerson => ({
  body: r.joints.map((p) => ({ x: p.x, y: p.y, c: 1 })),
  face: null,
  leftHand: null,
  rightHand: null,
});

/**
 * The bones the body's scale is read from, as groups whose longest member counts: the torso, and
 * each limb segment taken on whichever side is longer, since a bent or turned limb only ever
 * looks shorter (foreshortened) than it is — a kick's thigh pointing at the camera must not make
 * the whole person large.
 */
const SCALE_GROUPS: readonly (readonly (readonly [number, number])[])[] = [
  [[MID_HIP, BODY.neck]],
  [
    [BODY.rightShoulder, BODY.rightElbow],
    [BODY.leftShoulder, BODY.leftElbow],
  ],
  [
    [BODY.rightElbow, BODY.rightWrist],
    [BODY.leftElbow, BODY.leftWrist],
  ],
  [
    [BODY.rightHip, BODY.rightKnee],
    [BODY.leftHip, BODY.leftKnee],
  ],
  [
    [BODY.rightKnee, BODY.rightAnkle],
    [BODY.leftKnee, BODY.leftAnkle],
  ],
];

/**
 * g: the median, over the torso and the limb segments (each its longer side, in the avatar and in
 * the target alike), of target/source length; groups the target does not show are left out.
 */
function groupScale(source: readonly Vec[], seen: readonly (Vec | null)[]): number | null {
  const [rh, lh] = [seen[BODY.rightHip], seen[BODY.leftHip]];
  const midHip = rh && lh ? mid(rh, lh) : null;
  const at = (i: number) => (i === MID_HIP ? midHip : seen[i]);
  const ratios: number[] = [];
  for (const group of SCALE_GROUPS) {
    let ls = 0;
    let lt = 0;
    for (const [p, c] of group) {
      ls = Math.max(ls, length(sub(source[c]!, source[p]!)));
      const [tp, tc] = [at(p), at(c)];
      if (tp && tc) lt = Math.max(lt, length(sub(tc, tp)));
    }
    if (ls > 1e-9 && lt > 1e-9) ratios.push(lt / ls);
  }
  const g = quantile(ratios, G_QUANTILE);
  return g && g > 1e-9 ? g : null;
}

/** The body's scale when no bone group can be measured: a similarity fit, else filling the output. */
function bodyScale(source: readonly Vec[], seen: readonly (Vec | null)[], size: OutputSize): number {
  const idx = seen.flatMap((p, i) => (p ? [i] : []));
  const fit = fitSimilarity(
    idx.map((i) => source[i]!),
    idx.map((i) => seen[i]!),
  );
  if (fit && fit.scale > 1e-9) return fit.scale;
  const xs = source.map((p) => p.x);
  const ys = source.map((p) => p.y);
  const w = Math.max(Math.max(...xs) - Math.min(...xs), 1);
  const h = Math.max(Math.max(...ys) - Math.min(...ys), 1);
  return FILL * Math.min(size.width / w, size.height / h);
}

const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(Math.max(v, lo), hi);

/**
 * Retargets the template's first person onto the avatar's proportions, in output pixels. Root =
 * mid-hip; each bone takes the target's direction and the avatar's length × g × clamp(r_b/g,
 * 0.6, 1.1) (r_b = target/source length, g = the median target/source length of the torso and of each limb
 * segment's longer side);
 * forward kinematics; the head rotates rigidly about the neck; then a least-squares scale and
 * translation onto the target's visible joints (the template canvas letterboxed into `size`).
 * Throws the `rig_torso_missing` RigProblem when the avatar lacks both shoulders.
 */
export const retargetPose: Retarget = (avatar, target, size): RetargetedPose => {
  const { joints: source } = completeAvatar(avatar);
  const seen = targetInOutput(target, size);
  const given = seen.map((p) => p !== null);
  const src = withMidHip(source);
  const measured = groupScale(src, seen);
  const g = measured ?? bodyScale(src, seen, size);
  const full = withMidHip(fillMissingJoints(seen, source, g));
  const torsoOf = (j: readonly Vec[]) => sub(j[BODY.neck]!, j[MID_HIP]!);
  const torsoTurn =
    length(torsoOf(src)) > 1e-9 && length(torsoOf(full)) > 1e-9
      ? wrapAngle(angleOf(torsoOf(full)) - angleOf(torsoOf(src)))
      : 0;

  // Forward kinematics from the mid-hip, in output pixels up to the final placement.
  const out: Vec[] = Array<Vec>(MID_HIP + 1);
  out[MID_HIP] = { x: 0, y: 0 };
  for (const [p, c] of FK_BONES) {
    const bone = sub(src[c]!, src[p]!);
    const aim = sub(full[c]!, full[p]!);
    const [ls, lt] = [length(bone), length(aim)];
    // A target bone with no length has no direction: it keeps the avatar's, turned with the torso.
    const dir = lt > 1e-9 ? aim : rotate(bone, torsoTurn);
    const k = ls > 1e-9 ? g * clamp(lt / ls / g, BONE_RATIO_RANGE) : 0;
    out[c] = add(out[p]!, dir, (ls * k) / Math.max(length(dir), 1e-9));
  }
  const head = fitHead(source, full, given, torsoTurn, g);
  for (const h of HEAD_POINTS) {
    out[h] = add(out[BODY.neck]!, rotate(sub(source[h]!, source[BODY.neck]!), head.angle), head.scale);
  }

  const idx = given.flatMap((v, i) => (v ? [i] : []));
  const place = fitScaleShift(
    idx.map((i) => out[i]!),
    idx.map((i) => seen[i]!),
  );
  // g already sizes the body from bones that do not foreshorten; scaling again to the template's
  // joints would grow the person back by its foreshortened limbs (bent legs): only translate.
  if (g === measured && idx.length > 0) {
    const centre = (ps: Vec[]) => ps.reduce((m, p) => add(m, p, 1 / ps.length), { x: 0, y: 0 });
    place.shift = sub(centre(idx.map((i) => seen[i]!)), centre(idx.map((i) => out[i]!)));
    place.scale = 1;
  }
  if (idx.length === 0) place.shift = sub({ x: size.width / 2, y: size.height / 2 }, boxCentre(out));
  const joints = out.slice(0, BODY_POINTS).map((p) => applySimilarity(place, p));
  return {
    joints,
    given,
    head: { angle: head.angle, scale: head.scale * place.scale },
    leftIsNear: leftIsNear(seen),
    armInFront: armInFront(joints, given),
  };
};

const boxCentre = (ps: readonly Vec[]): Vec => {
  const xs = ps.map((p) => p.x);
  const ys = ps.map((p) => p.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
};
