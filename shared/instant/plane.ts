// Points in the image plane and the few fits retargeting needs: rotations, the least-squares
// similarity between two point sets, and the least-squares scale + translation.

export interface Vec {
  x: number;
  y: number;
}

export const add = (a: Vec, b: Vec, k = 1): Vec => ({ x: a.x + b.x * k, y: a.y + b.y * k });
export const sub = (a: Vec, b: Vec): Vec => ({ x: a.x - b.x, y: a.y - b.y });
export const length = (v: Vec) => Math.hypot(v.x, v.y);
export const mid = (a: Vec, b: Vec): Vec => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const cross = (a: Vec, b: Vec) => a.x * b.y - a.y * b.x;
/** Screen angle of a vector in radians (y points down, so positive turns clockwise on screen). */
export const angleOf = (v: Vec) => Math.atan2(v.y, v.x);
export const rotate = (v: Vec, angle: number): Vec => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { x: v.x * c - v.y * s, y: v.x * s + v.y * c };
};
/** An angle brought into (−π, π]. */
export const wrapAngle = (a: number) => {
  const w = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return w === -Math.PI ? Math.PI : w;
};

/** A similarity transform p ↦ scale·R(angle)·p + shift. */
export interface Similarity {
  angle: number;
  scale: number;
  shift: Vec;
}

export const applySimilarity = (t: Similarity, p: Vec): Vec => add(t.shift, rotate(p, t.angle), t.scale);

const centroid = (ps: Vec[]): Vec => ({
  x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
  y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
});

/** Centroids and the sums of dot and cross products and squared norms of the centred point pairs. */
function moments(from: Vec[], to: Vec[]) {
  const cf = centroid(from);
  const ct = centroid(to);
  let dot = 0;
  let crs = 0;
  let norm = 0;
  from.forEach((f, i) => {
    const u = sub(f, cf);
    const v = sub(to[i]!, ct);
    dot += u.x * v.x + u.y * v.y;
    crs += cross(u, v);
    norm += u.x * u.x + u.y * u.y;
  });
  return { cf, ct, dot, crs, norm };
}

/**
 * The rotation + uniform scale + translation that maps `from` onto `to` with the least squared
 * error (2D Procrustes, no reflection). Null for fewer than two distinct points.
 */
export function fitSimilarity(from: Vec[], to: Vec[]): Similarity | null {
  if (from.length < 2 || from.length !== to.length) return null;
  const { cf, ct, dot, crs, norm } = moments(from, to);
  if (norm < 1e-12) return null;
  const angle = Math.atan2(crs, dot);
  const scale = Math.hypot(dot, crs) / norm;
  return { angle, scale, shift: add(ct, rotate(cf, angle), -scale) };
}

/**
 * The uniform scale and translation (no rotation) that map `from` onto `to` with the least
 * squared error. With one point it only translates; with none it is the identity.
 */
export function fitScaleShift(from: Vec[], to: Vec[]): Similarity {
  if (from.length === 0) return { angle: 0, scale: 1, shift: { x: 0, y: 0 } };
  const { cf, ct, dot, norm } = moments(from, to);
  const scale = norm > 1e-12 && dot > 0 ? dot / norm : 1;
  return { angle: 0, scale, shift: add(ct, cf, -scale) };
}

/** The q-quantile (0–1) of some numbers, linearly interpolated; null when there are none. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
