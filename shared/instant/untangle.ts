// Fold repair after the solve: where bending squeezes a joint's side past zero area (a knee or an
// elbow straightened or bent hard, an arm raised over the shoulder weld), the vertices of every
// flipped triangle are moved, one at a time, the least distance that makes all their triangles
// positive again: each triangle's area is linear in one of its vertices, so "this triangle keeps
// a minimum area" is a half-plane for that vertex, and the vertex is projected onto the
// intersection of its half-planes (cyclic projections). Where a vertex's neighbours are tangled
// too, the region grows by a ring and the neighbours move as well. Only those vertices move; the
// rest keeps the solve's shape. Vertex order is fixed, so the result is deterministic.

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

/** Each vertex's triangles (CSR: start offsets and triangle ids). */
function vertexTriangles(triangles: Uint32Array, V: number) {
  const start = new Int32Array(V + 1);
  for (let k = 0; k < triangles.length; k++) start[triangles[k]! + 1]!++;
  for (let v = 0; v < V; v++) start[v + 1] = start[v + 1]! + start[v]!;
  const fill = start.slice(0, V);
  const list = new Int32Array(triangles.length);
  for (let k = 0; k < triangles.length; k++) list[fill[triangles[k]!]!++] = (k / 3) | 0;
  return { start, list };
}

type Around = { start: Int32Array; list: Int32Array };

/** Puts vertex v at the mean of its triangles' other corners (read from `from`, written to `x`). */
function ringMean(v: number, triangles: Uint32Array, around: Around, from: Float64Array, x: Float64Array) {
  let [mx, my, n] = [0, 0, 0];
  for (let k = around.start[v]!; k < around.start[v + 1]!; k++) {
    const t = around.list[k]!;
    for (let q = 0; q < 3; q++) {
      const u = triangles[3 * t + q]!;
      if (u === v) continue;
      mx += from[2 * u]!;
      my += from[2 * u + 1]!;
      n++;
    }
  }
  if (n) [x[2 * v], x[2 * v + 1]] = [mx / n, my / n];
}

/**
 * Moves vertex v into the intersection of the half-planes "triangle t keeps at least minArea[t]"
 * over its triangles (cyclic projections from where it is). Returns whether all hold afterwards.
 */
function project(v: number, triangles: Uint32Array, around: Around, minArea: Float64Array, x: Float64Array): boolean {
  const flippedAround = () => {
    let n = 0;
    for (let k = around.start[v]!; k < around.start[v + 1]!; k++) if (area(triangles, around.list[k]!, x) <= 0) n++;
    return n;
  };
  const [ox, oy] = [x[2 * v]!, x[2 * v + 1]!];
  const before = flippedAround();
  let px = ox;
  let py = oy;
  for (let sweep = 0; sweep < 20; sweep++) {
    let ok = true;
    for (let k = around.start[v]!; k < around.start[v + 1]!; k++) {
      const t = around.list[k]!;
      // The triangle as (v, a, b) in its winding: 2·area = n·v + c with n, c from a and b.
      const at = triangles[3 * t] === v ? 0 : triangles[3 * t + 1] === v ? 1 : 2;
      const a = triangles[3 * t + ((at + 1) % 3)]!;
      const b = triangles[3 * t + ((at + 2) % 3)]!;
      const [ax, ay, bx, by] = [x[2 * a]!, x[2 * a + 1]!, x[2 * b]!, x[2 * b + 1]!];
      const nx = ay - by;
      const ny = bx - ax;
      const c = ax * by - ay * bx;
      const n2 = nx * nx + ny * ny;
      const gap = minArea[t]! - (nx * px + ny * py + c);
      if (gap <= 0 || n2 < 1e-18) continue;
      ok = false;
      // A little past the boundary, so the next constraint's projection does not undo this one.
      px += (nx * gap * 1.05) / n2;
      py += (ny * gap * 1.05) / n2;
    }
    if (ok) break;
  }
  x[2 * v] = px;
  x[2 * v + 1] = py;
  const after = flippedAround();
  if (after === 0) return true;
  // Still folded: try the middle of its neighbours instead (the vertex is boxed in by them).
  ringMean(v, triangles, around, x, x);
  const mean = flippedAround();
  // Never leave a vertex worse off than it was: its neighbours may have to move first.
  if (mean <= Math.min(after, before)) return mean === 0;
  if (after <= before) [x[2 * v], x[2 * v + 1]] = [px, py];
  else [x[2 * v], x[2 * v + 1]] = [ox, oy];
  return false;
}

/**
 * Repairs flipped triangles in place: positions `x`, rest positions `rest` (a triangle is asked to
 * keep a tenth of its rest area, scaled by `scale`²). Returns how many triangles are still flipped.
 */
export function untangle(triangles: Uint32Array, rest: Float64Array, x: Float64Array, scale = 1, rounds = 40): number {
  const V = x.length / 2;
  const T = triangles.length / 3;
  const around = vertexTriangles(triangles, V);
  const minArea = new Float64Array(T);
  for (let t = 0; t < T; t++) minArea[t] = 0.1 * Math.abs(area(triangles, t, rest)) * scale * scale;
  const flagged = new Uint8Array(V);
  let flipped = 0;
  let fewest = Infinity;
  let stall = 0;
  let stalls = 0;
  for (let round = 0; round <= rounds; round++) {
    flagged.fill(0);
    flipped = 0;
    for (let t = 0; t < T; t++) {
      if (area(triangles, t, x) > 0) continue;
      flipped++;
      for (let k = 0; k < 3; k++) flagged[triangles[3 * t + k]!] = 1;
    }
    if (flipped === 0 || round === rounds) break;
    // Give stubborn folds room: every few rounds the region grows by one ring per round.
    const grow = Math.floor(round / 4);
    for (let g = 0; g < grow; g++) {
      const ring = flagged.slice();
      for (let t = 0; t < T; t++) {
        const [a, b, c] = [triangles[3 * t]!, triangles[3 * t + 1]!, triangles[3 * t + 2]!];
        if (ring[a] || ring[b] || ring[c]) flagged[a] = flagged[b] = flagged[c] = 1;
      }
    }
    stall = flipped < fewest ? 0 : stall + 1;
    fewest = Math.min(fewest, flipped);
    if (stall >= 3) {
      // Stuck (every single move would fold another triangle): smooth the whole region (each
      // vertex to the middle of its neighbours, once more each time), then project again.
      stalls++;
      for (let pass = 0; pass < stalls; pass++) {
        const from = x.slice();
        for (let v = 0; v < V; v++) if (flagged[v]) ringMean(v, triangles, around, from, x);
      }
      stall = 0;
      fewest = Infinity;
      continue;
    }
    for (let v = 0; v < V; v++) if (flagged[v]) project(v, triangles, around, minArea, x);
  }
  return flipped;
}
