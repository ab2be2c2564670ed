// Fold repair after the solve: where bending squeezes a joint's inner side past zero area (an
// elbow bent hard, an arm raised over the shoulder weld), the vertices of every flipped triangle
// are moved to the mean of their mesh neighbours, a few rounds, until no triangle is flipped.
// Only those vertices move; the rest keeps the solve's shape.

/** Signed doubled area of triangle t at positions x (positive = rest winding). */
function area(triangles: Uint32Array, t: number, x: Float64Array): number {
  const a = triangles[3 * t]!;
  const b = triangles[3 * t + 1]!;
  const c = triangles[3 * t + 2]!;
  return (
    (x[2 * b]! - x[2 * a]!) * (x[2 * c + 1]! - x[2 * a + 1]!) -
    (x[2 * b + 1]! - x[2 * a + 1]!) * (x[2 * c]! - x[2 * a]!)
  );
}

/** How many triangles are flipped (zero or negative area) at positions x. */
export function foldedTriangles(triangles: Uint32Array, x: Float64Array): number {
  let folded = 0;
  for (let t = 0; t < triangles.length / 3; t++) if (area(triangles, t, x) <= 0) folded++;
  return folded;
}

/**
 * Smooths the vertices of flipped triangles in place; `stencil` holds the mesh edges (i, j as the
 * first two of every four entries). Returns how many triangles are still flipped.
 */
export function untangle(triangles: Uint32Array, stencil: Int32Array, x: Float64Array, rounds = 30): number {
  const V = x.length / 2;
  const T = triangles.length / 3;
  const sum = new Float64Array(2 * V);
  const count = new Int32Array(V);
  const flagged = new Uint8Array(V);
  let flipped = 0;
  for (let round = 0; round <= rounds; round++) {
    flagged.fill(0);
    flipped = 0;
    for (let t = 0; t < T; t++) {
      if (area(triangles, t, x) > 0) continue;
      flipped++;
      for (let k = 0; k < 3; k++) flagged[triangles[3 * t + k]!] = 1;
    }
    if (flipped === 0 || round === rounds) break;
    sum.fill(0);
    count.fill(0);
    for (let e = 0; e < stencil.length; e += 4) {
      const i = stencil[e]!;
      const j = stencil[e + 1]!;
      if (flagged[i]) {
        sum[2 * i] = sum[2 * i]! + x[2 * j]!;
        sum[2 * i + 1] = sum[2 * i + 1]! + x[2 * j + 1]!;
        count[i] = count[i]! + 1;
      }
      if (flagged[j]) {
        sum[2 * j] = sum[2 * j]! + x[2 * i]!;
        sum[2 * j + 1] = sum[2 * j + 1]! + x[2 * i + 1]!;
        count[j] = count[j]! + 1;
      }
    }
    for (let v = 0; v < V; v++) {
      if (!flagged[v] || !count[v]) continue;
      x[2 * v] = sum[2 * v]! / count[v]!;
      x[2 * v + 1] = sum[2 * v + 1]! / count[v]!;
    }
  }
  return flipped;
}
