// As-rigid-as-possible deformation, the edge-based two-step of Igarashi & Igarashi (JGT 2009):
// step 1 finds positions whose edges are similarity transforms of their rest neighbourhoods
// (rotation + scale free, linear in the positions), step 2 drops the scale and fits edges to
// the rotated rest edges (x and y separately). Both normal matrices depend only on the rest mesh
// and the pin set, so they are assembled and factored once per avatar; a pose only builds
// right-hand sides and runs three solves.
import type { Pins } from "./pins";
import {
  addEntry,
  createEnvelope,
  envelopeOf,
  factorEnvelope,
  reverseCuthillMcKee,
  solveEnvelope,
  type Envelope,
} from "./sparse-cholesky";

/** Pin weight: ≈ hard constraints, still a least-squares system (w² = 10⁶ against ω ≤ 10). */
const W2 = 1e6;

export interface Arap {
  vertices: number;
  /** Per edge: i, j and the third vertices l, r of its one or two triangles (r = −1 on the outline). */
  stencil: Int32Array;
  omega: Float64Array;
  /** Rest positions (x, y per vertex). */
  rest: Float64Array;
  /** Per edge, 1 / Σ‖rest offset‖² of its stencil (the similarity fit's normaliser). */
  invSigma: Float64Array;
  step1: Envelope;
  step2: Envelope;
  pins: Pins;
}

/** Edges with their stencils, from triangles; ω per edge = the smallest of its triangles'. */
function edgeStencils(triangles: Uint32Array, triOmega: Float64Array, V: number) {
  const index = new Map<number, number>();
  const stencil: number[] = [];
  const omega: number[] = [];
  for (let t = 0; t < triOmega.length; t++) {
    for (let k = 0; k < 3; k++) {
      const a = triangles[3 * t + k]!;
      const b = triangles[3 * t + ((k + 1) % 3)]!;
      const c = triangles[3 * t + ((k + 2) % 3)]!;
      const key = Math.min(a, b) * V + Math.max(a, b);
      const e = index.get(key);
      if (e === undefined) {
        index.set(key, omega.length);
        stencil.push(a, b, c, -1);
        omega.push(triOmega[t]!);
      } else {
        stencil[4 * e + 3] = c;
        omega[e] = Math.min(omega[e]!, triOmega[t]!);
      }
    }
  }
  return { stencil: Int32Array.from(stencil), omega: Float64Array.from(omega) };
}

/** Builds and factors both systems. Throws (non-positive pivot) when a piece holds no pin. */
export function buildArap(rest: Float64Array, triangles: Uint32Array, triOmega: Float64Array, pins: Pins): Arap {
  const V = rest.length / 2;
  const { stencil, omega } = edgeStencils(triangles, triOmega, V);
  const E = omega.length;
  // Vertex adjacency: every pair within a stencil or a pin's triangle.
  const lists: number[][] = Array.from({ length: V }, () => []);
  const link = (ids: number[]) => {
    for (const a of ids) for (const b of ids) if (a !== b && a >= 0 && b >= 0) lists[a]!.push(b);
  };
  for (let e = 0; e < E; e++) link([stencil[4 * e]!, stencil[4 * e + 1]!, stencil[4 * e + 2]!, stencil[4 * e + 3]!]);
  for (let p = 0; p < pins.count; p++) link([pins.verts[3 * p]!, pins.verts[3 * p + 1]!, pins.verts[3 * p + 2]!]);
  const pattern = lists.map((row) => [...new Set(row)].sort((a, b) => a - b));
  const order = reverseCuthillMcKee(pattern);
  const step2 = createEnvelope(pattern, order);
  // Step 1 interleaves x and y of each vertex: its profile follows from step 2's.
  const order2 = new Int32Array(2 * V);
  const rank2 = new Int32Array(2 * V);
  const first2 = new Int32Array(2 * V);
  for (let k = 0; k < V; k++) {
    const v = order[k]!;
    [order2[2 * k], order2[2 * k + 1]] = [2 * v, 2 * v + 1];
    [rank2[2 * v], rank2[2 * v + 1]] = [2 * k, 2 * k + 1];
    [first2[2 * k], first2[2 * k + 1]] = [2 * step2.first[k]!, 2 * step2.first[k]!];
  }
  const step1 = envelopeOf(order2, rank2, first2);
  const invSigma = new Float64Array(E);
  const dofs = new Int32Array(8);
  const rowX = new Float64Array(8);
  const rowY = new Float64Array(8);
  for (let e = 0; e < E; e++) {
    const i = stencil[4 * e]!;
    const m = stencil[4 * e + 3]! < 0 ? 3 : 4;
    const ex = rest[2 * stencil[4 * e + 1]!]! - rest[2 * i]!;
    const ey = rest[2 * stencil[4 * e + 1]! + 1]! - rest[2 * i + 1]!;
    let sigma = 0;
    for (let q = 1; q < m; q++) {
      const n = stencil[4 * e + q]!;
      sigma += (rest[2 * n]! - rest[2 * i]!) ** 2 + (rest[2 * n + 1]! - rest[2 * i + 1]!) ** 2;
    }
    invSigma[e] = 1 / sigma;
    rowX.fill(0);
    rowY.fill(0);
    for (let q = 0; q < m; q++) [dofs[2 * q], dofs[2 * q + 1]] = [2 * stencil[4 * e + q]!, 2 * stencil[4 * e + q]! + 1];
    // Residual (v′j − v′i) − T(c, s)·e with (c, s) the least-squares similarity of the stencil.
    for (let q = 1; q < m; q++) {
      const n = stencil[4 * e + q]!;
      const dx = rest[2 * n]! - rest[2 * i]!;
      const dy = rest[2 * n + 1]! - rest[2 * i + 1]!;
      const xx = -(dx * ex + dy * ey) / sigma;
      const xy = -(dy * ex - dx * ey) / sigma;
      const yx = -(dx * ey - dy * ex) / sigma;
      const yy = -(dy * ey + dx * ex) / sigma;
      rowX[2 * q] = rowX[2 * q]! + xx;
      rowX[2 * q + 1] = rowX[2 * q + 1]! + xy;
      rowY[2 * q] = rowY[2 * q]! + yx;
      rowY[2 * q + 1] = rowY[2 * q + 1]! + yy;
      rowX[0] = rowX[0]! - xx;
      rowX[1] = rowX[1]! - xy;
      rowY[0] = rowY[0]! - yx;
      rowY[1] = rowY[1]! - yy;
    }
    rowX[2] = rowX[2]! + 1;
    rowX[0] = rowX[0]! - 1;
    rowY[3] = rowY[3]! + 1;
    rowY[1] = rowY[1]! - 1;
    const w = omega[e]!;
    for (let a = 0; a < 2 * m; a++) {
      for (let b = 0; b <= a; b++) {
        const v = w * (rowX[a]! * rowX[b]! + rowY[a]! * rowY[b]!);
        addEntry(step1, dofs[a]!, dofs[b]!, v);
      }
    }
    const j = stencil[4 * e + 1]!;
    addEntry(step2, i, i, w);
    addEntry(step2, j, j, w);
    addEntry(step2, i, j, -w);
  }
  for (let p = 0; p < pins.count; p++) {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        const va = pins.verts[3 * p + a]!;
        const vb = pins.verts[3 * p + b]!;
        // addEntry adds to the lower triangle only: take each unordered pair once.
        if (vb > va || (vb === va && b < a)) continue;
        const v = W2 * pins.bary[3 * p + a]! * pins.bary[3 * p + b]! * (va === vb && a !== b ? 2 : 1);
        addEntry(step2, va, vb, v);
        addEntry(step1, 2 * va, 2 * vb, v);
        addEntry(step1, 2 * va + 1, 2 * vb + 1, v);
      }
    }
  }
  return {
    vertices: V,
    stencil,
    omega,
    rest,
    invSigma,
    step1: factorEnvelope(step1),
    step2: factorEnvelope(step2),
    pins,
  };
}

/** The similarity (c, s) that best maps edge e's rest stencil onto positions x, as a rotation. */
function fitRotation(A: Arap, e: number, x: Float64Array): [number, number] {
  const { stencil, rest } = A;
  const i = stencil[4 * e]!;
  const m = stencil[4 * e + 3]! < 0 ? 3 : 4;
  let c = 0;
  let s = 0;
  for (let q = 1; q < m; q++) {
    const n = stencil[4 * e + q]!;
    const dx = rest[2 * n]! - rest[2 * i]!;
    const dy = rest[2 * n + 1]! - rest[2 * i + 1]!;
    const ux = x[2 * n]! - x[2 * i]!;
    const uy = x[2 * n + 1]! - x[2 * i + 1]!;
    c += dx * ux + dy * uy;
    s += dy * ux - dx * uy;
  }
  const norm = Math.hypot(c, s) || 1;
  return [c / norm, s / norm];
}

/**
 * Deforms the mesh so the pins reach their targets (x, y per pin, output pixels); `scale` is the
 * pose's overall size change (rest edges are scaled by it before they are fitted). `passes`
 * extra local/global rounds refit the rotations to the result (helps big bends).
 */
export function solveArap(A: Arap, targets: Float64Array, scale: number, passes = 0): Float64Array {
  const V = A.vertices;
  const { pins, stencil, omega, rest } = A;
  const b1 = new Float64Array(2 * V);
  const pinX = new Float64Array(V);
  const pinY = new Float64Array(V);
  for (let p = 0; p < pins.count; p++) {
    for (let k = 0; k < 3; k++) {
      const v = pins.verts[3 * p + k]!;
      const w = W2 * pins.bary[3 * p + k]!;
      pinX[v] = pinX[v]! + w * targets[2 * p]!;
      pinY[v] = pinY[v]! + w * targets[2 * p + 1]!;
    }
  }
  for (let v = 0; v < V; v++) [b1[2 * v], b1[2 * v + 1]] = [pinX[v]!, pinY[v]!];
  let x = solveEnvelope(A.step1, b1);
  const bx = new Float64Array(V);
  const by = new Float64Array(V);
  const out = new Float64Array(2 * V);
  for (let round = 0; round <= passes; round++) {
    bx.set(pinX);
    by.set(pinY);
    for (let e = 0; e < omega.length; e++) {
      const [c, s] = fitRotation(A, e, x);
      const i = stencil[4 * e]!;
      const j = stencil[4 * e + 1]!;
      const ex = rest[2 * j]! - rest[2 * i]!;
      const ey = rest[2 * j + 1]! - rest[2 * i + 1]!;
      const w = omega[e]! * scale;
      const tx = w * (c * ex + s * ey);
      const ty = w * (c * ey - s * ex);
      bx[j] = bx[j]! + tx;
      bx[i] = bx[i]! - tx;
      by[j] = by[j]! + ty;
      by[i] = by[i]! - ty;
    }
    const sx = solveEnvelope(A.step2, bx);
    const sy = solveEnvelope(A.step2, by);
    for (let v = 0; v < V; v++) [out[2 * v], out[2 * v + 1]] = [sx[v]!, sy[v]!];
    x = out;
  }
  return out;
}
