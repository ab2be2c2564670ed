// Builds anatomically proportioned OpenPose bodies from a few pose parameters, so the built-in
// templates are described by intent ("hand to cheek, weight on one leg") rather than typed-in
// coordinates. Units are head heights; the result is fitted into the template canvas.
import { BODY, emptyPerson, type Keypoint, type Pose } from "../pose/model";
import { fitPose } from "../pose/transform";

type Vec = { x: number; y: number };

/** Adult proportions in head heights (an 8-head figure). */
export const PROPORTIONS = {
  torso: 2.55, // hip midpoint → neck
  shoulderHalf: 0.95,
  hipHalf: 0.5,
  upperArm: 1.45,
  forearm: 1.2,
  thigh: 1.95,
  shin: 1.85,
  neckToNose: 0.85,
};

/** A limb by screen angles (0° points down, 90° to screen right) with optional foreshortening. */
export interface LimbAngles {
  angles: [number, number];
  scale?: [number, number];
}
/** A limb by where its end should be, relative to its root joint; `bend` picks the elbow/knee side. */
export interface LimbReach {
  to: [number, number];
  bend: 1 | -1;
}
export type Limb = LimbAngles | LimbReach;

export interface Figure {
  /** Torso tilt in degrees (top toward screen right when positive). */
  lean?: number;
  /** Body turned toward screen right (+) or left (−), −1…1: narrows the shoulders and hips. */
  turn?: number;
  /** Head tilt relative to the torso, degrees. */
  head?: number;
  /** Subject's right arm (screen left when facing the camera) and left arm. */
  rightArm: Limb;
  leftArm: Limb;
  rightLeg: Limb;
  leftLeg: Limb;
  /** Sideways hip sway, head units. */
  sway?: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const dir = (deg: number): Vec => ({ x: Math.sin(rad(deg)), y: Math.cos(rad(deg)) });
const add = (a: Vec, b: Vec, k = 1): Vec => ({ x: a.x + b.x * k, y: a.y + b.y * k });

/** Two-bone reach: the middle joint for lengths a, b from root toward target (clamped to reach). */
export function reach(root: Vec, target: Vec, a: number, b: number, bend: 1 | -1): [Vec, Vec] {
  let dx = target.x - root.x;
  let dy = target.y - root.y;
  let d = Math.hypot(dx, dy);
  const max = (a + b) * 0.999;
  if (d > max) {
    dx *= max / d;
    dy *= max / d;
    d = max;
  }
  d = Math.max(d, Math.abs(a - b) + 1e-6);
  const along = (a * a - b * b + d * d) / (2 * d);
  const h = Math.sqrt(Math.max(a * a - along * along, 0));
  const ux = dx / d;
  const uy = dy / d;
  const mid = { x: root.x + ux * along - uy * h * bend, y: root.y + uy * along + ux * h * bend };
  return [mid, { x: root.x + dx, y: root.y + dy }];
}

function limb(root: Vec, spec: Limb, a: number, b: number): [Vec, Vec] {
  if ("to" in spec) return reach(root, { x: root.x + spec.to[0], y: root.y + spec.to[1] }, a, b, spec.bend);
  const [s1, s2] = spec.scale ?? [1, 1];
  const mid = add(root, dir(spec.angles[0]), a * s1);
  return [mid, add(mid, dir(spec.angles[1]), b * s2)];
}

/** The figure as an OpenPose pose on a width×height canvas, fitted with a margin. */
export function buildFigure(f: Figure, width = 512, height = 768, margin = 0.08): Pose {
  const P = PROPORTIONS;
  const turn = f.turn ?? 0;
  const lean = f.lean ?? 0;
  const up = { x: Math.sin(rad(lean)), y: -Math.cos(rad(lean)) };
  const right = { x: Math.cos(rad(lean)), y: Math.sin(rad(lean)) };
  const hipMid = { x: f.sway ?? 0, y: 0 };
  const neck = add(hipMid, up, P.torso);
  const sw = P.shoulderHalf * (1 - 0.45 * Math.abs(turn));
  const hw = P.hipHalf * (1 - 0.4 * Math.abs(turn));
  const headUp = { x: Math.sin(rad(lean + (f.head ?? 0))), y: -Math.cos(rad(lean + (f.head ?? 0))) };
  const headRight = { x: -headUp.y, y: headUp.x };

  const rShoulder = add(neck, right, -sw);
  const lShoulder = add(neck, right, sw);
  const rHip = add(hipMid, right, -hw);
  const lHip = add(hipMid, right, hw);
  const nose = add(add(neck, headUp, P.neckToNose), headRight, turn * 0.22);
  const face = (side: number, upBy: number, outBy: number) =>
    add(add(nose, headUp, upBy), headRight, side * outBy * (1 - 0.35 * Math.abs(turn)) + turn * 0.05);

  const [rElbow, rWrist] = limb(rShoulder, f.rightArm, P.upperArm, P.forearm);
  const [lElbow, lWrist] = limb(lShoulder, f.leftArm, P.upperArm, P.forearm);
  const [rKnee, rAnkle] = limb(rHip, f.rightLeg, P.thigh, P.shin);
  const [lKnee, lAnkle] = limb(lHip, f.leftLeg, P.thigh, P.shin);

  const person = emptyPerson();
  const set = (i: number, v: Vec) => (person.body[i] = { x: v.x, y: v.y, c: 1 } satisfies Keypoint);
  set(BODY.nose, nose);
  set(BODY.neck, neck);
  set(BODY.rightShoulder, rShoulder);
  set(BODY.rightElbow, rElbow);
  set(BODY.rightWrist, rWrist);
  set(BODY.leftShoulder, lShoulder);
  set(BODY.leftElbow, lElbow);
  set(BODY.leftWrist, lWrist);
  set(BODY.rightHip, rHip);
  set(BODY.rightKnee, rKnee);
  set(BODY.rightAnkle, rAnkle);
  set(BODY.leftHip, lHip);
  set(BODY.leftKnee, lKnee);
  set(BODY.leftAnkle, lAnkle);
  set(BODY.rightEye, face(-1, 0.13, 0.17));
  set(BODY.leftEye, face(1, 0.13, 0.17));
  // An ear turned away from the camera is hidden behind the head.
  if (turn < 0.6) set(BODY.rightEar, face(-1, 0.05, 0.4));
  if (turn > -0.6) set(BODY.leftEar, face(1, 0.05, 0.4));

  const raw: Pose = { canvasWidth: width, canvasHeight: height, people: [person] };
  const fitted = fitPose(raw, width, height, margin);
  // Tenths of a pixel: plenty for the renderer, tidy JSON.
  const round = (p: Keypoint | null) =>
    p ? { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10, c: 1 } : null;
  return { ...fitted, people: fitted.people.map((p) => ({ ...p, body: p.body.map(round) })) };
}
