// The triangle mesh over the silhouette: outline and hole vertices, Steiner points where pins go
// (joints, bone samples), a jittered hex grid inside; constrained Delaunay (delaunator +
// @kninnug/constrainautor) with the outline and holes as constraints, so narrow gaps between
// limbs are never bridged; only triangles inside the silhouette are kept, all counter-clockwise
// on screen (positive signed area with y down).
import Constrainautor from "@kninnug/constrainautor";
import Delaunator from "delaunator";
import { depthAt, insideRings, type Silhouette, type Vec } from "./silhouette";

export interface Mesh {
  /** x, y per vertex, in cut-out pixels. */
  points: Float64Array;
  /** Three vertex indices per triangle. */
  triangles: Uint32Array;
}

/** A deterministic jitter in [−0.5, 0.5) from a grid cell (no Math.random: same mesh every time). */
function jitter(i: number, j: number, salt: number): number {
  let h = Math.imul(i * 73856093 + 1, 0x9e3779b1) ^ Math.imul(j * 19349663 + salt, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296 - 0.5;
}

/**
 * Builds the mesh. `steiner` points lie inside the person (they become vertices so pins sit on
 * vertices); those too close to the outline are skipped (their pins fall back to barycentrics).
 */
export function buildMesh(sil: Silhouette, steiner: readonly Vec[], spacing: number): Mesh {
  const xs: number[] = [];
  const ys: number[] = [];
  const seen = new Map<string, number>();
  const add = (x: number, y: number) => {
    const key = `${Math.round(x * 1e4)},${Math.round(y * 1e4)}`;
    const found = seen.get(key);
    if (found !== undefined) return found;
    seen.set(key, xs.length);
    xs.push(x);
    ys.push(y);
    return xs.length - 1;
  };
  const edges: [number, number][] = [];
  for (const ring of sil.rings) {
    const ids = ring.map((p) => add(p.x, p.y));
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      const b = ids[(i + 1) % ids.length]!;
      if (a !== b) edges.push([a, b]);
    }
  }
  const kept: Vec[] = [];
  for (const p of steiner) {
    if (depthAt(sil, p.x, p.y) < spacing * 0.4 || !insideRings(sil.rings, p.x, p.y)) continue;
    if (kept.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < spacing * 0.4)) continue;
    kept.push(p);
    add(p.x, p.y);
  }
  // Hex grid: rows √3/2·s apart, odd rows shifted by s/2, jittered by ±0.1·s.
  const rowStep = (spacing * Math.sqrt(3)) / 2;
  const rows = Math.ceil(sil.height / rowStep);
  const cols = Math.ceil(sil.width / spacing) + 1;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const x = sil.left + (i + (j % 2 ? 0.5 : 0)) * spacing + jitter(i, j, 1) * 0.2 * spacing;
      const y = sil.top + (j + 0.5) * rowStep + jitter(i, j, 2) * 0.2 * spacing;
      if (depthAt(sil, x, y) < spacing * 0.5) continue;
      if (kept.some((q) => Math.abs(q.x - x) < spacing * 0.6 && Math.abs(q.y - y) < spacing * 0.6)) continue;
      add(x, y);
    }
  }
  const coords = new Float64Array(xs.length * 2);
  for (let i = 0; i < xs.length; i++) {
    coords[2 * i] = xs[i]!;
    coords[2 * i + 1] = ys[i]!;
  }
  const del = new Delaunator(coords);
  const con = new Constrainautor(del);
  for (const [a, b] of edges) {
    try {
      con.constrainOne(a, b);
    } catch {
      // An outline edge through another vertex or crossing a touching ring: the centroid test
      // below still keeps only inside triangles.
    }
  }
  con.delaunify(true);
  return keepInside(sil, coords, del.triangles);
}

/** Keeps triangles whose centroid is inside, orients them, and drops unused vertices. */
function keepInside(sil: Silhouette, coords: Float64Array, all: ArrayLike<number>): Mesh {
  const tris: number[] = [];
  for (let t = 0; t < all.length; t += 3) {
    let a = all[t]!;
    let b = all[t + 1]!;
    const c = all[t + 2]!;
    const cx = (coords[2 * a]! + coords[2 * b]! + coords[2 * c]!) / 3;
    const cy = (coords[2 * a + 1]! + coords[2 * b + 1]! + coords[2 * c + 1]!) / 3;
    if (!insideRings(sil.rings, cx, cy)) continue;
    const cross =
      (coords[2 * b]! - coords[2 * a]!) * (coords[2 * c + 1]! - coords[2 * a + 1]!) -
      (coords[2 * b + 1]! - coords[2 * a + 1]!) * (coords[2 * c]! - coords[2 * a]!);
    if (Math.abs(cross) < 1e-9) continue;
    if (cross < 0) [a, b] = [b, a];
    tris.push(a, b, c);
  }
  const remap = new Int32Array(coords.length / 2).fill(-1);
  const points: number[] = [];
  const triangles = new Uint32Array(tris.length);
  for (let k = 0; k < tris.length; k++) {
    const v = tris[k]!;
    if (remap[v]! < 0) {
      remap[v] = points.length / 2;
      points.push(coords[2 * v]!, coords[2 * v + 1]!);
    }
    triangles[k] = remap[v]!;
  }
  return { points: Float64Array.from(points), triangles };
}
