// The two trees retargeting walks over the 18 OpenPose joints: OpenPose's own (rooted at the neck,
// to synthesise missing joints from their parent bone) and the bones forward kinematics carries
// (rooted at the mid-hip, as in AnimatedDrawings, so the hip line keeps its own direction).
import { BODY, BODY_POINTS, DRAWN_LIMBS, LIMBS, type Slot } from "../pose/model";
import { mid, type Vec } from "./plane";

const J = BODY;

/** Index of the virtual mid-hip joint in 19-slot arrays (the 18 joints, then the mid-hip). */
export const MID_HIP = BODY_POINTS;

/** Each joint's parent in OpenPose's limb tree, the first 17 of LIMBS (the neck is the root: −1). */
export const PARENT: readonly number[] = (() => {
  const p = Array<number>(BODY_POINTS).fill(-1);
  for (const [a, b] of LIMBS.slice(0, DRAWN_LIMBS)) p[b] = a;
  return p;
})();

/**
 * The bone a joint's angle is measured from when it must be synthesised: its parent's bone in
 * the forward-kinematics tree (so the output keeps the angle exactly), e.g. mid-hip → hip for a
 * knee; none (−1) for the neck's own children, which turn with the whole torso.
 */
export const REFERENCE_BONE: readonly (readonly [number, number])[] = Array.from({ length: BODY_POINTS }, (_, j) => {
  const p = PARENT[j]!;
  if (p === J.rightHip || p === J.leftHip) return [BODY_POINTS, p] as const;
  return [p < 0 ? -1 : PARENT[p]!, p] as const;
});

/** The joints in an order where every parent comes before its children. */
export const TREE_ORDER: readonly number[] = [
  J.neck,
  J.rightShoulder,
  J.leftShoulder,
  J.rightHip,
  J.leftHip,
  J.nose,
  J.rightElbow,
  J.leftElbow,
  J.rightKnee,
  J.leftKnee,
  J.rightWrist,
  J.leftWrist,
  J.rightAnkle,
  J.leftAnkle,
  J.rightEye,
  J.leftEye,
  J.rightEar,
  J.leftEar,
];

/** The one child that continues a limb (shoulder → elbow → wrist, eye → ear…), for placing a missing middle joint. */
export const LIMB_CHILD: Readonly<Record<number, number>> = Object.fromEntries(
  PARENT.flatMap((_, j) => {
    const children = PARENT.flatMap((p, c) => (p === j ? [c] : []));
    return children.length === 1 ? [[j, children[0]!]] : [];
  }),
);

/** The bones forward kinematics carries, parent first, each parent placed before its children. */
// prettier-ignore
export const FK_BONES: readonly (readonly [number, number])[] = [
  [MID_HIP, J.neck], [MID_HIP, J.rightHip], [MID_HIP, J.leftHip],
  [J.neck, J.rightShoulder], [J.neck, J.leftShoulder],
  [J.rightShoulder, J.rightElbow], [J.rightElbow, J.rightWrist],
  [J.leftShoulder, J.leftElbow], [J.leftElbow, J.leftWrist],
  [J.rightHip, J.rightKnee], [J.rightKnee, J.rightAnkle],
  [J.leftHip, J.leftKnee], [J.leftKnee, J.leftAnkle],
];

/** The points that move with the head as one rigid piece (pivoting at the neck). */
export const HEAD_POINTS: readonly number[] = [J.nose, J.rightEye, J.leftEye, J.rightEar, J.leftEar];

/** The joints that define the torso's place and turn. */
export const TORSO_POINTS: readonly number[] = [J.neck, J.rightShoulder, J.leftShoulder, J.rightHip, J.leftHip];

/** Whether a pose slot holds a usable point (editors also write hidden joints as c = 0 or −1,−1). */
export const isPresent = (p: Slot | undefined): p is NonNullable<Slot> =>
  !!p && Number.isFinite(p.x) && Number.isFinite(p.y) && p.c > 0 && !(p.x < 0 && p.y < 0);

/** The 18 joints plus the mid-hip (slot MID_HIP) of a complete skeleton. */
export const withMidHip = (joints: readonly Vec[]): Vec[] => [...joints, mid(joints[J.rightHip]!, joints[J.leftHip]!)];
