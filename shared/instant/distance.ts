// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher's two 1-D passes): for every
// pixel of a binary mask, the distance to the nearest pixel outside it. The engine reads limb
// radii and "far enough from the outline" tests from it.

const BIG = 1e20;

/** 1-D squared distance transform of f (length n) into d, using scratch v and z. */
function pass(f: Float64Array, d: Float64Array, v: Int32Array, z: Float64Array, n: number) {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = 0;
    for (;;) {
      const p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
      // z[0] is −∞, so k never drops below 0.
      if (s <= z[k]!) k--;
      else break;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/** Distance (px) from each "on" pixel (inside[i] ≠ 0) to the nearest "off" pixel; 0 outside. */
export function distanceInside(inside: Uint8Array, width: number, height: number): Float32Array {
  const n = Math.max(width, height);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const grid = new Float64Array(width * height);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = inside[y * width + x] ? BIG : 0;
    pass(f, d, v, z, height);
    for (let y = 0; y < height; y++) grid[y * width + x] = d[y]!;
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) f[x] = grid[row + x]!;
    pass(f, d, v, z, width);
    for (let x = 0; x < width; x++) out[row + x] = Math.sqrt(d[x]!);
  }
  return out;
}
