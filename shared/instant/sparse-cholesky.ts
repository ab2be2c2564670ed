// A symmetric positive definite solver for the engine's two ARAP normal matrices: reverse
// Cuthill–McKee ordering, then an envelope (skyline) Cholesky factor kept as dense row segments
// on Float64Array. Not a library on purpose: mathjs's sparse LU is heavy for a Worker bundle and
// ml-matrix is dense (2,000² unknowns = 32 MB); a mesh's matrix after RCM is a narrow band, and the
// factor is built once per avatar and reused by every pose.

/** The non-zero pattern of a symmetric matrix: for each row, its column neighbours (any order). */
export type Pattern = readonly (readonly number[])[];

/** A reverse Cuthill–McKee ordering: order[k] = the original index placed at position k. */
export function reverseCuthillMcKee(pattern: Pattern): Int32Array {
  const n = pattern.length;
  const degree = pattern.map((row) => row.length);
  const placed = new Uint8Array(n);
  const order = new Int32Array(n);
  let count = 0;
  while (count < n) {
    // Start each component from a minimum-degree node (deterministic: lowest index wins ties).
    let start = -1;
    for (let i = 0; i < n; i++) if (!placed[i] && (start < 0 || degree[i]! < degree[start]!)) start = i;
    placed[start] = 1;
    order[count++] = start;
    for (let head = count - 1; head < count; head++) {
      const next = pattern[order[head]!]!.filter((j) => !placed[j]);
      next.sort((a, b) => degree[a]! - degree[b]! || a - b);
      for (const j of next) {
        placed[j] = 1;
        order[count++] = j;
      }
    }
  }
  order.reverse();
  return order;
}

/** A matrix in envelope form, in permuted order: row i holds columns first[i]…i. */
export interface Envelope {
  n: number;
  /** order[k] = original index at permuted position k; rank is its inverse. */
  order: Int32Array;
  rank: Int32Array;
  first: Int32Array;
  /** Offset of row i's first stored entry in `values`. */
  start: Int32Array;
  values: Float64Array;
}

/** An empty envelope for a pattern and an ordering (entries are added with addEntry). */
export function createEnvelope(pattern: Pattern, order: Int32Array): Envelope {
  const n = pattern.length;
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;
  const first = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let f = k;
    for (const j of pattern[order[k]!]!) f = Math.min(f, rank[j]!);
    first[k] = f;
  }
  return envelopeOf(order, rank, first);
}

/**
 * An empty envelope from an ordering and, per permuted row, its first stored column (for callers
 * that know the profile without listing the pattern, e.g. x/y pairs of mesh vertices).
 */
export function envelopeOf(order: Int32Array, rank: Int32Array, first: Int32Array): Envelope {
  const n = order.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) start[k + 1] = start[k]! + (k - first[k]! + 1);
  return { n, order, rank, first, start, values: new Float64Array(start[n]!) };
}

/** Adds v to entry (i, j) (original indices; the symmetric twin is implied). */
export function addEntry(env: Envelope, i: number, j: number, v: number) {
  let a = env.rank[i]!;
  let b = env.rank[j]!;
  if (b > a) [a, b] = [b, a];
  const at = env.start[a]! + (b - env.first[a]!);
  if (b < env.first[a]!) throw new Error(`entry (${i}, ${j}) is outside the matrix's pattern`);
  env.values[at] = env.values[at]! + v;
}

/**
 * Factors the envelope in place into L (A = L Lᵀ). A non-positive pivot means the matrix is not
 * positive definite: for the engine, a piece of the mesh that no pin holds.
 */
export function factorEnvelope(env: Envelope): Envelope {
  const { n, first, start, values: L } = env;
  for (let i = 0; i < n; i++) {
    const fi = first[i]!;
    const si = start[i]! - fi;
    for (let j = fi; j <= i; j++) {
      const fj = first[j]!;
      const sj = start[j]! - fj;
      let sum = L[si + j]!;
      for (let k = Math.max(fi, fj); k < j; k++) sum -= L[si + k]! * L[sj + k]!;
      if (j < i) {
        L[si + j] = sum / L[sj + j]!;
      } else {
        if (!(sum > 1e-12)) {
          throw new Error(
            `non-positive pivot ${sum.toExponential(2)} at unknown ${env.order[i]}: a piece of the mesh is held by no pin`,
          );
        }
        L[si + i] = Math.sqrt(sum);
      }
    }
  }
  return env;
}

/** Solves A x = b with a factored envelope; b is in original order and is not changed. */
export function solveEnvelope(env: Envelope, b: Float64Array, x = new Float64Array(env.n)): Float64Array {
  const { n, order, first, start, values: L } = env;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = b[order[i]!]!;
  // Forward: L y = b.
  for (let i = 0; i < n; i++) {
    const fi = first[i]!;
    const si = start[i]! - fi;
    let sum = y[i]!;
    for (let k = fi; k < i; k++) sum -= L[si + k]! * y[k]!;
    y[i] = sum / L[si + i]!;
  }
  // Backward: Lᵀ x = y, column by column (row i of L is column i of Lᵀ).
  for (let i = n - 1; i >= 0; i--) {
    const fi = first[i]!;
    const si = start[i]! - fi;
    const xi = y[i]! / L[si + i]!;
    y[i] = xi;
    for (let k = fi; k < i; k++) y[k] = y[k]! - L[si + k]! * xi;
  }
  for (let i = 0; i < n; i++) x[order[i]!] = y[i]!;
  return x;
}
