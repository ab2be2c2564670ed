// Splits the mesh into the body's parts: a label per triangle (torso, head, arms, legs), islands
// that hold none of their part's bones merged into a neighbour, then cuts: vertices on a border
// between parts are duplicated, so a raised arm does not drag the torso flank along, except
// where the parts are welded (a limb at its shoulder or hip, the head at the neck).
import { dist, HEAD, LIMB_JOINTS, partAt, TORSO, type Body, type Part } from "./body";
import type { Mesh } from "./mesh";
import type { Vec } from "./silhouette";

export interface PartedMesh extends Mesh {
  /** Part of each triangle. */
  triPart: Uint8Array;
  /** Bit set of the parts sharing each vertex (1 << part). */
  vertexParts: Uint8Array;
}

const centroid = (m: Mesh, t: number): Vec => {
  const [a, b, c] = [m.triangles[3 * t]!, m.triangles[3 * t + 1]!, m.triangles[3 * t + 2]!];
  return {
    x: (m.points[2 * a]! + m.points[2 * b]! + m.points[2 * c]!) / 3,
    y: (m.points[2 * a + 1]! + m.points[2 * b + 1]! + m.points[2 * c + 1]!) / 3,
  };
};

/** Triangles sharing an edge with each triangle (−1 for none), three per triangle. */
export function neighbours(m: Mesh): Int32Array {
  const n = m.triangles.length / 3;
  const out = new Int32Array(3 * n).fill(-1);
  const open = new Map<number, number>();
  const V = m.points.length / 2;
  for (let t = 0; t < n; t++) {
    for (let k = 0; k < 3; k++) {
      const a = m.triangles[3 * t + k]!;
      const b = m.triangles[3 * t + ((k + 1) % 3)]!;
      const key = Math.min(a, b) * V + Math.max(a, b);
      const other = open.get(key);
      if (other === undefined) open.set(key, 3 * t + k);
      else {
        out[3 * t + k] = Math.floor(other / 3);
        out[other] = t;
      }
    }
  }
  return out;
}

/** Whether a connected piece of one part is held: it contains one of that part's joints. */
function held(body: Body, m: Mesh, tris: number[], part: Part): boolean {
  if (part === HEAD) return true; // every head vertex is pinned to the head's rigid transform
  const joints =
    part === TORSO
      ? [1, 2, 5, 8, 11].map((j) => body.joints[j]).filter((p): p is Vec => !!p)
      : LIMB_JOINTS[part]!.map((j) => body.joints[j]).filter((p): p is Vec => !!p);
  const reach = body.spacing * 1.5;
  for (const t of tris) {
    const c = centroid(m, t);
    if (joints.some((j) => dist(j, c) < reach)) return true;
  }
  return false;
}

/** Labels the triangles and merges unheld islands into the neighbouring part they touch most. */
export function labelParts(body: Body, m: Mesh): Uint8Array {
  const n = m.triangles.length / 3;
  const part = new Uint8Array(n);
  for (let t = 0; t < n; t++) part[t] = partAt(body, centroid(m, t));
  const adj = neighbours(m);
  for (let round = 0; round < 6; round++) {
    const seen = new Uint8Array(n);
    let changed = false;
    for (let s = 0; s < n; s++) {
      if (seen[s]) continue;
      const piece = [s];
      seen[s] = 1;
      const votes = new Map<number, number>();
      for (let k = 0; k < piece.length; k++) {
        const t = piece[k]!;
        for (let e = 0; e < 3; e++) {
          const u = adj[3 * t + e]!;
          if (u < 0) continue;
          if (part[u] !== part[s]) votes.set(part[u]!, (votes.get(part[u]!) ?? 0) + 1);
          else if (!seen[u]) {
            seen[u] = 1;
            piece.push(u);
          }
        }
      }
      if (votes.size === 0 || held(body, m, piece, part[s] as Part)) continue;
      let to = -1;
      for (const [p, v] of votes) if (to < 0 || v > votes.get(to)! || (v === votes.get(to)! && p < to)) to = p;
      for (const t of piece) part[t] = to;
      changed = true;
    }
    if (!changed) break;
  }
  return part;
}

/** Whether parts a and b stay joined at vertex p (a limb at its root, the head at the neck). */
function welded(body: Body, a: number, b: number, p: Vec): boolean {
  if (a > b) [a, b] = [b, a];
  if (a !== TORSO) return false;
  if (b === HEAD) {
    const h = body.head!;
    const top = { x: h.neck.x + (h.anchor.x - h.neck.x) * 0.45, y: h.neck.y + (h.anchor.y - h.neck.y) * 0.45 };
    return dist(p, top) < 0.75 * h.length;
  }
  const limb = body.limbs.find((l) => l.part === b);
  return !!limb && dist(p, limb.chain[0]!) < 1.0 * limb.upper;
}

/**
 * Duplicates the vertices on cuts: each vertex gets one copy per group of welded parts around
 * it. Returns the new mesh (original vertices first, copies after) with the triangles' parts.
 */
export function cutParts(body: Body, m: Mesh, triPart: Uint8Array): PartedMesh {
  const V = m.points.length / 2;
  const partsAt = new Uint8Array(V);
  for (let t = 0; t < triPart.length; t++) {
    for (let k = 0; k < 3; k++) partsAt[m.triangles[3 * t + k]!]! |= 1 << triPart[t]!;
  }
  // copyOf[v * 6 + part] = the vertex index the triangles of that part use at v.
  const copyOf = new Int32Array(V * 6).fill(-1);
  const points: number[] = Array.from(m.points);
  for (let v = 0; v < V; v++) {
    const present = [0, 1, 2, 3, 4, 5].filter((p) => partsAt[v]! & (1 << p));
    const p = { x: m.points[2 * v]!, y: m.points[2 * v + 1]! };
    // Union–find over the (at most six) parts meeting here.
    const root = [0, 1, 2, 3, 4, 5];
    const find = (x: number): number => (root[x] === x ? x : (root[x] = find(root[x]!)));
    for (const a of present) for (const b of present) if (a < b && welded(body, a, b, p)) root[find(b)] = find(a);
    let first = true;
    const indexOf = new Map<number, number>();
    for (const part of present) {
      const r = find(part);
      let idx = indexOf.get(r);
      if (idx === undefined) {
        idx = first ? v : points.length / 2;
        if (!first) points.push(p.x, p.y);
        first = false;
        indexOf.set(r, idx);
      }
      copyOf[v * 6 + part] = idx;
    }
  }
  const triangles = new Uint32Array(m.triangles.length);
  for (let t = 0; t < triPart.length; t++) {
    for (let k = 0; k < 3; k++) triangles[3 * t + k] = copyOf[m.triangles[3 * t + k]! * 6 + triPart[t]!]!;
  }
  const vertexParts = new Uint8Array(points.length / 2);
  for (let t = 0; t < triPart.length; t++) {
    for (let k = 0; k < 3; k++) vertexParts[triangles[3 * t + k]!]! |= 1 << triPart[t]!;
  }
  return { points: Float64Array.from(points), triangles, triPart, vertexParts };
}
