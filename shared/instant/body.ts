// What the engine knows of the avatar's body from its joints and silhouette: the parts (torso,
// head, two arms, two legs), each limb's bone chain and radius, the head's axis. Shared by the
// part labelling, the cuts and the pins.
import { BODY } from "../pose/model";
import { depthAt, type Silhouette, type Vec } from "./silhouette";

export const TORSO = 0;
export const HEAD = 1;
export const RIGHT_ARM = 2;
export const LEFT_ARM = 3;
export const RIGHT_LEG = 4;
export const LEFT_LEG = 5;
export type Part = 0 | 1 | 2 | 3 | 4 | 5;

/** Root, middle and end joint of each limb (OpenPose indices). */
export const LIMB_JOINTS: Record<number, readonly [number, number, number]> = {
  [RIGHT_ARM]: [BODY.rightShoulder, BODY.rightElbow, BODY.rightWrist],
  [LEFT_ARM]: [BODY.leftShoulder, BODY.leftElbow, BODY.leftWrist],
  [RIGHT_LEG]: [BODY.rightHip, BODY.rightKnee, BODY.rightAnkle],
  [LEFT_LEG]: [BODY.leftHip, BODY.leftKnee, BODY.leftAnkle],
};

/** Nose, eyes and ears: the head's rigid transform is fitted at their centroid. */
export const FACE_JOINTS = [BODY.nose, BODY.rightEye, BODY.leftEye, BODY.rightEar, BODY.leftEar];

export interface Limb {
  part: Part;
  /** Root, middle, end and the hand/foot tip (end extended along the lower bone); may be shorter. */
  chain: Vec[];
  /** Radius of the upper and the lower bone (px). */
  upper: number;
  lower: number;
}

export interface Body {
  joints: (Vec | null)[];
  limbs: Limb[];
  /** Head axis: from the neck to the anchor, the centroid of the visible face joints (listed). */
  head: { neck: Vec; anchor: Vec; faceJoints: number[]; length: number } | null;
  /** Mesh spacing (px), the scale every tolerance is measured in. */
  spacing: number;
}

export const dist = (a: Vec, b: Vec) => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance from p to segment ab and the segment parameter t of the closest point. */
export function segment(p: Vec, a: Vec, b: Vec): { d: number; t: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return { d: Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy), t };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** Median silhouette depth over the middle of a bone: the limb's radius there. */
function boneRadius(sil: Silhouette, a: Vec, b: Vec): number {
  const samples: number[] = [];
  for (let t = 0.3; t <= 0.71; t += 0.05) {
    const d = depthAt(sil, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    if (d > 0) samples.push(d);
  }
  return median(samples);
}

/** Reads the body from the joints (in cut-out pixels) and the silhouette. */
export function describeBody(joints: (Vec | null)[], sil: Silhouette, spacing: number): Body {
  const figure = sil.height;
  const limbs: Limb[] = [];
  for (const [key, [r, m, e]] of Object.entries(LIMB_JOINTS)) {
    const part = Number(key) as Part;
    const root = joints[r];
    const mid = joints[m];
    if (!root || !mid) continue;
    const end = joints[e];
    const chain = [root, mid];
    const isArm = part === RIGHT_ARM || part === LEFT_ARM;
    let measured = 0;
    if (end) {
      const tip = isArm ? 0.45 : 0.2;
      chain.push(end, { x: end.x + (end.x - mid.x) * tip, y: end.y + (end.y - mid.y) * tip });
      measured = boneRadius(sil, mid, end);
    }
    if (!measured) measured = boneRadius(sil, root, mid) / 1.15;
    // A forearm lying over the torso would read the torso's depth: cap by body proportions.
    const cap = figure / (isArm ? 22 : 13);
    const lower = Math.min(cap, Math.max(spacing * 0.75, measured || cap * 0.7));
    limbs.push({ part, chain, upper: lower * 1.15, lower });
  }
  const neck = joints[BODY.neck] ?? null;
  let head: Body["head"] = null;
  const faceJoints = FACE_JOINTS.filter((j) => joints[j]);
  if (neck && faceJoints.length) {
    const anchor = {
      x: faceJoints.reduce((s, j) => s + joints[j]!.x, 0) / faceJoints.length,
      y: faceJoints.reduce((s, j) => s + joints[j]!.y, 0) / faceJoints.length,
    };
    if (dist(anchor, neck) > spacing * 0.5) head = { neck, anchor, faceJoints, length: dist(anchor, neck) };
  }
  return { joints, limbs, head, spacing };
}

/** How strongly p belongs to a limb: distance over the gate (≤ 1 inside the gate). */
export function limbScore(limb: Limb, p: Vec): number {
  let best = Infinity;
  for (let i = 0; i + 1 < limb.chain.length; i++) {
    const radius = i === 0 ? limb.upper : i === 1 ? limb.lower : limb.lower * 1.3;
    const { d } = segment(p, limb.chain[i]!, limb.chain[i + 1]!);
    best = Math.min(best, d / (1.3 * radius));
  }
  return best;
}

/** Whether p is in the head: above the neck along the head axis and near the axis. */
export function inHead(body: Body, p: Vec): boolean {
  const h = body.head;
  if (!h) return false;
  const ux = (h.anchor.x - h.neck.x) / h.length;
  const uy = (h.anchor.y - h.neck.y) / h.length;
  const along = (p.x - h.neck.x) * ux + (p.y - h.neck.y) * uy;
  const across = Math.abs((p.x - h.neck.x) * uy - (p.y - h.neck.y) * ux);
  return along > 0.45 * h.length && along < 2.6 * h.length && across < 1.1 * h.length;
}

/** The part a point belongs to (before islands are merged). */
export function partAt(body: Body, p: Vec): Part {
  let part: Part = TORSO;
  let best = 1;
  for (const limb of body.limbs) {
    const score = limbScore(limb, p);
    if (score < best) {
      best = score;
      part = limb.part;
    }
  }
  if (part === TORSO && inHead(body, p)) return HEAD;
  return part;
}

/** Edge stiffness of a triangle of a part at p: bending concentrates at the joints. */
export function stiffness(body: Body, part: Part, p: Vec): number {
  if (part === HEAD) return 10;
  if (part === TORSO) return 3;
  const limb = body.limbs.find((l) => l.part === part)!;
  const [root, mid] = limb.chain;
  return dist(p, root!) < limb.upper || dist(p, mid!) < limb.lower ? 0.5 : 1;
}
