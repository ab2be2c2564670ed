// Missing joints, synthesised so that every one of the 18 is placed: a missing joint takes a model
// skeleton's angle relative to its parent bone, and the model's bone length times a scale. For a
// target pose the model is the avatar (a hidden joint keeps the avatar's own angle); for the
// avatar the model is a standard standing figure (figure.ts PROPORTIONS) scaled by the avatar's
// torso, so a half-body photo gets legs of standard proportions, hanging along its torso.
import { BODY, BODY_POINTS, type PosePerson } from "../pose/model";
import { buildFigure, reach } from "../templates/figure";
import {
  add,
  angleOf,
  applySimilarity,
  cross,
  fitSimilarity,
  length,
  mid,
  rotate,
  sub,
  wrapAngle,
  type Similarity,
  type Vec,
} from "./plane";
import { torsoMissing } from "./rig-check";
import { isPresent, LIMB_CHILD, MID_HIP, PARENT, REFERENCE_BONE, TORSO_POINTS, TREE_ORDER } from "./skeleton-tree";

type Known = readonly (Vec | null)[];
const J = BODY;

/** +1 when the subject's left shoulder is on the screen's right of the torso (a front view), −1 when mirrored, 0 unknown. */
function handedness(p: Known): number {
  const [rs, ls] = [p[J.rightShoulder], p[J.leftShoulder]];
  const hips = [p[J.rightHip], p[J.leftHip]].filter((h): h is Vec => !!h);
  if (!rs || !ls || hips.length === 0) return 0;
  const neck = p[J.neck] ?? mid(rs, ls);
  const hip = hips.length === 2 ? mid(hips[0]!, hips[1]!) : hips[0]!;
  return Math.sign(cross(sub(ls, rs), sub(hip, neck)));
}

/** The model → known similarity, fitted on the torso when it shows, else on every known joint. */
function frame(known: Known, model: readonly Vec[], scale: number): Similarity {
  const everything = known.map((_, i) => i);
  for (const set of [TORSO_POINTS, everything]) {
    const idx = set.filter((i) => known[i]);
    const fit = fitSimilarity(
      idx.map((i) => model[i]!),
      idx.map((i) => known[i]!),
    );
    if (fit) return fit;
  }
  const one = known.findIndex((p) => p !== null);
  const shift = one >= 0 ? add(known[one]!, model[one]!, -scale) : { x: 0, y: 0 };
  return { angle: 0, scale, shift };
}

/** A joint, or the mid-hip for MID_HIP (both hips are placed before any joint that needs it). */
const point = (joints: readonly Vec[], i: number): Vec =>
  i === MID_HIP ? mid(joints[J.rightHip]!, joints[J.leftHip]!) : joints[i]!;

/** The rotation from bone `a` to bone `b`, or null when either has no length. */
function turn(a: Vec, b: Vec): number | null {
  if (length(a) < 1e-9 || length(b) < 1e-9) return null;
  return wrapAngle(angleOf(b) - angleOf(a));
}

/**
 * Fills every missing joint of `known` (18 slots, null = missing) from `model` (18 joints): a
 * missing joint keeps the model's angle relative to its reference bone (REFERENCE_BONE; for the neck's own
 * children, the turn of the whole torso) at the model's bone length × `scale`; a missing middle
 * joint whose end is known (an elbow with its wrist) is bent between them as the model bends. A
 * mirrored body (back view) mirrors the model first. Known joints are kept as they are.
 */
export function fillMissingJoints(known: Known, model: readonly Vec[], scale: number): Vec[] {
  const m = handedness(known) * handedness(model) < 0 ? model.map((p) => ({ x: -p.x, y: p.y })) : model;
  const out: (Vec | null)[] = known.slice(0, BODY_POINTS);
  let fitted: Similarity | undefined;
  const torsoFrame = () => (fitted ??= frame(known, m, scale));
  for (const j of TREE_ORDER) {
    if (out[j]) continue;
    const p = PARENT[j]!;
    if (p < 0) {
      // OpenPose's neck is the shoulders' midpoint.
      const [rs, ls] = [known[J.rightShoulder], known[J.leftShoulder]];
      out[j] = rs && ls ? mid(rs, ls) : applySimilarity(torsoFrame(), m[j]!);
      continue;
    }
    const from = out[p]!;
    const bone = sub(m[j]!, m[p]!);
    const c = LIMB_CHILD[j];
    const end = c === undefined ? null : known[c];
    if (c !== undefined && end) {
      const bend = cross(sub(m[c]!, m[p]!), bone) < 0 ? -1 : 1;
      out[j] = reach(from, end, length(bone) * scale, length(sub(m[c]!, m[j]!)) * scale, bend)[0];
      continue;
    }
    const [a] = REFERENCE_BONE[j]!;
    const angle =
      (a >= 0 ? turn(sub(m[p]!, point(m, a)), sub(from, point(out as Vec[], a))) : null) ?? torsoFrame().angle;
    out[j] = add(from, rotate(bone, angle), scale);
  }
  return out as Vec[];
}

/** A standard figure standing straight, arms hanging: where an avatar's missing joints come from. */
let standard: Vec[] | undefined;
function standardFigure(): Vec[] {
  standard ??= buildFigure({
    rightArm: { angles: [-7, -4] },
    leftArm: { angles: [7, 4] },
    rightLeg: { angles: [-3, -1] },
    leftLeg: { angles: [3, 1] },
  }).people[0]!.body.map((p) => ({ x: p!.x, y: p!.y }));
  return standard;
}

/** How much larger the avatar is than the standard figure, measured on its torso (else its shoulders). */
function torsoScale(known: Known, model: readonly Vec[]): number {
  const [rs, ls] = [known[J.rightShoulder]!, known[J.leftShoulder]!];
  const neck = known[J.neck] ?? mid(rs, ls);
  const [rh, lh] = [known[J.rightHip], known[J.leftHip]];
  const ratio = (a: Vec, b: Vec) => length(a) / Math.max(length(b), 1e-9);
  let s: number;
  if (rh && lh) s = ratio(sub(mid(rh, lh), neck), sub(mid(model[J.rightHip]!, model[J.leftHip]!), model[J.neck]!));
  else if (rh || lh) {
    const h = rh ? J.rightHip : J.leftHip;
    s = ratio(sub(known[h]!, neck), sub(model[h]!, model[J.neck]!));
  } else s = ratio(sub(ls, rs), sub(model[J.leftShoulder]!, model[J.rightShoulder]!));
  return s > 1e-6 ? s : 1;
}

/**
 * The avatar's 18 joints with every missing one synthesised (standard proportions scaled by the
 * avatar's torso, see the file comment), and which were its own. Needs both shoulders; without
 * them throws the `rig_torso_missing` RigProblem.
 */
export function completeAvatar(person: PosePerson): { joints: Vec[]; own: boolean[] } {
  const own = Array.from({ length: BODY_POINTS }, (_, i) => isPresent(person.body[i]));
  const known = own.map((o, i) => (o ? { x: person.body[i]!.x, y: person.body[i]!.y } : null));
  if (!known[J.rightShoulder] || !known[J.leftShoulder]) throw torsoMissing(person);
  const model = standardFigure();
  return { joints: fillMissingJoints(known, model, torsoScale(known, model)), own };
}
