// The handles the deformation follows: every source joint (snapped into the mesh, never dropped),
// three samples on every bone and on the spine (joint-only pins bend limbs like noodles), every
// head vertex (the head moves rigidly) and every hand/foot vertex past the wrist/ankle (rigid with
// the forearm/shin). A pin is a point in one triangle (barycentrics); its target is computed per
// pose from the pin's kind.
import { BODY } from "../pose/model";
import { HEAD, LIMB_JOINTS, TORSO, type Body, type Part } from "./body";
import type { PartedMesh } from "./parts";
import type { Vec } from "./silhouette";

/** Pin kinds: at joint a; at a + t·(b − a); rigid with the head; rigid with bone a→b past b. */
export const PIN_JOINT = 0;
export const PIN_SAMPLE = 1;
export const PIN_HEAD = 2;
export const PIN_END = 3;

export interface Pins {
  count: number;
  /** Three vertices and three barycentric weights per pin. */
  verts: Int32Array;
  bary: Float64Array;
  kind: Uint8Array;
  a: Int8Array;
  b: Int8Array;
  t: Float64Array;
  /** The pinned point at rest (x, y per pin), in cut-out pixels. */
  rest: Float64Array;
}

export interface PointPin {
  at: Vec;
  parts: Part[];
  kind: typeof PIN_JOINT | typeof PIN_SAMPLE | typeof PIN_END;
  a: number;
  b: number;
  t: number;
}

const SAMPLES = [0.25, 0.5, 0.75];

/** The joint and bone-sample pins (they also become mesh vertices). */
export function pointPins(body: Body): PointPin[] {
  const J = body.joints;
  const pins: PointPin[] = [];
  const joint = (j: number, parts: Part[]) => {
    if (J[j]) pins.push({ at: J[j], parts, kind: PIN_JOINT, a: j, b: j, t: 0 });
  };
  const samples = (a: number, b: number, parts: Part[], at = SAMPLES) => {
    const pa = J[a];
    const pb = J[b];
    if (!pa || !pb) return;
    for (const t of at) {
      pins.push({ at: { x: pa.x + (pb.x - pa.x) * t, y: pa.y + (pb.y - pa.y) * t }, parts, kind: PIN_SAMPLE, a, b, t });
    }
  };
  joint(BODY.neck, [TORSO]);
  for (const limb of body.limbs) {
    const [root, mid, end] = LIMB_JOINTS[limb.part]!;
    joint(root, [TORSO, limb.part]);
    joint(mid, [limb.part]);
    joint(end, [limb.part]);
    // No sample next to the elbow/knee: its inner side needs room to crease when it bends.
    samples(root, mid, [limb.part], [0.25, 0.5]);
    samples(mid, end, [limb.part], [0.5, 0.75]);
  }
  // The spine: neck to each hip (the middle of the hips is no joint of its own).
  for (const hip of [BODY.rightHip, BODY.leftHip]) {
    if (!body.limbs.some((l) => LIMB_JOINTS[l.part]![0] === hip)) joint(hip, [TORSO]);
    samples(BODY.neck, hip, [TORSO]);
  }
  // A half-body avatar (no hips): the lower torso would swing free under the shoulders, so it
  // follows the shoulder line rigidly instead.
  const [rs, ls, neck] = [J[BODY.rightShoulder], J[BODY.leftShoulder], J[BODY.neck]];
  if (!J[BODY.rightHip] && !J[BODY.leftHip] && rs && ls && neck) {
    const width = Math.hypot(ls.x - rs.x, ls.y - rs.y);
    // Perpendicular to the shoulder line, on the side away from the head (down for an upright body).
    let dx = -(ls.y - rs.y) / width;
    let dy = (ls.x - rs.x) / width;
    if (body.head && dx * (body.head.anchor.x - neck.x) + dy * (body.head.anchor.y - neck.y) > 0) [dx, dy] = [-dx, -dy];
    for (const k of [0.4, 0.8, 1.2]) {
      for (const side of [-0.25, 0, 0.25]) {
        const at = {
          x: neck.x + dx * k * width + (ls.x - rs.x) * side,
          y: neck.y + dy * k * width + (ls.y - rs.y) * side,
        };
        pins.push({ at, parts: [TORSO], kind: PIN_END, a: BODY.rightShoulder, b: BODY.leftShoulder, t: 0 });
      }
    }
  }
  return pins;
}

/** Barycentrics of p in triangle (a, b, c). */
function barycentric(m: PartedMesh, t: number, p: Vec): [number, number, number] {
  const P = m.points;
  const [a, b, c] = [m.triangles[3 * t]!, m.triangles[3 * t + 1]!, m.triangles[3 * t + 2]!];
  const x0 = P[2 * a]!;
  const y0 = P[2 * a + 1]!;
  const d = (P[2 * b]! - x0) * (P[2 * c + 1]! - y0) - (P[2 * c]! - x0) * (P[2 * b + 1]! - y0);
  const u = ((P[2 * b]! - p.x) * (P[2 * c + 1]! - p.y) - (P[2 * c]! - p.x) * (P[2 * b + 1]! - p.y)) / d;
  const v = ((P[2 * c]! - p.x) * (y0 - p.y) - (x0 - p.x) * (P[2 * c + 1]! - p.y)) / d;
  return [u, v, 1 - u - v];
}

/** Places every pin in the parted mesh. */
export function placePins(body: Body, m: PartedMesh, points: readonly PointPin[]): Pins {
  const verts: number[] = [];
  const bary: number[] = [];
  const kind: number[] = [];
  const ja: number[] = [];
  const jb: number[] = [];
  const ts: number[] = [];
  const rest: number[] = [];
  const nTri = m.triPart.length;
  for (const pin of points) {
    // The triangle of an allowed part that holds the point, else the nearest one (snapped in).
    let best = -1;
    let bestW: [number, number, number] = [1, 0, 0];
    let bestScore = -Infinity;
    for (let t = 0; t < nTri; t++) {
      if (!pin.parts.includes(m.triPart[t] as Part)) continue;
      const w = barycentric(m, t, pin.at);
      const score = Math.min(w[0], w[1], w[2]);
      if (score > bestScore) {
        bestScore = score;
        best = t;
        bestW = w;
      }
      if (score >= 0) break;
    }
    if (best < 0) continue;
    const clamped = bestW.map((w) => Math.max(0, w));
    const sum = clamped[0]! + clamped[1]! + clamped[2]!;
    // Snapped from further than a mesh cell: the joint sits in another part (an arm over the
    // torso); pinning the nearest piece of its own part there would drag it, so leave it out.
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < 3; k++) {
      const v = m.triangles[3 * best + k]!;
      sx += (clamped[k]! / sum) * m.points[2 * v]!;
      sy += (clamped[k]! / sum) * m.points[2 * v + 1]!;
    }
    if (Math.hypot(sx - pin.at.x, sy - pin.at.y) > body.spacing) continue;
    for (let k = 0; k < 3; k++) {
      verts.push(m.triangles[3 * best + k]!);
      bary.push(clamped[k]! / sum);
    }
    kind.push(pin.kind);
    ja.push(pin.a);
    jb.push(pin.b);
    ts.push(pin.t);
    rest.push(pin.at.x, pin.at.y);
  }
  // Rigid pins: head vertices, and limb vertices past the end joint along the lower bone.
  const V = m.points.length / 2;
  for (let v = 0; v < V; v++) {
    const parts = m.vertexParts[v]!;
    const x = m.points[2 * v]!;
    const y = m.points[2 * v + 1]!;
    let k = -1;
    let a = 0;
    let b = 0;
    if (parts === 1 << HEAD && body.head) k = PIN_HEAD;
    for (const limb of body.limbs) {
      if (parts !== 1 << limb.part || limb.chain.length < 3) continue;
      const [, mid, end] = LIMB_JOINTS[limb.part]!;
      const pm = body.joints[mid]!;
      const pe = body.joints[end]!;
      const along = ((x - pe.x) * (pe.x - pm.x) + (y - pe.y) * (pe.y - pm.y)) / Math.hypot(pe.x - pm.x, pe.y - pm.y);
      if (along > 0) [k, a, b] = [PIN_END, mid, end];
    }
    if (k < 0) continue;
    verts.push(v, v, v);
    bary.push(1, 0, 0);
    kind.push(k);
    ja.push(a);
    jb.push(b);
    ts.push(0);
    rest.push(x, y);
  }
  return {
    count: kind.length,
    verts: Int32Array.from(verts),
    bary: Float64Array.from(bary),
    kind: Uint8Array.from(kind),
    a: Int8Array.from(ja),
    b: Int8Array.from(jb),
    t: Float64Array.from(ts),
    rest: Float64Array.from(rest),
  };
}
