// A piece of the mesh that no pin holds (or one holds at a single point) (a bit of cut-out beside the body — a ball, a speck of
// background a real cut-out kept — or a sliver the part cuts left alone) would make the ARAP
// matrices singular. Such a piece is carried rigidly with the nearest bone instead: two of its
// vertices, far apart, pinned as "rigid with bone a→b" (the hand/foot pin kind).
import { LIMBS } from "../pose/model";
import type { Body } from "./body";
import { neighbours, type PartedMesh } from "./parts";
import { PIN_END, type Pins } from "./pins";

/**
 * The mesh's rigid pieces: triangles joined through shared edges (two fans meeting at one vertex
 * turn freely about it, so they are two pieces). Each piece as the list of its vertices.
 */
function pieces(m: PartedMesh): number[][] {
  const T = m.triangles.length / 3;
  const root = Int32Array.from({ length: T }, (_, i) => i);
  const find = (t: number): number => {
    while (root[t] !== t) t = root[t] = root[root[t]!]!;
    return t;
  };
  const next = neighbours(m);
  for (let t = 0; t < T; t++)
    for (let k = 0; k < 3; k++) if (next[3 * t + k]! >= 0) root[find(t)] = find(next[3 * t + k]!);
  const verts = new Map<number, Set<number>>();
  for (let t = 0; t < T; t++) {
    const r = find(t);
    if (!verts.has(r)) verts.set(r, new Set());
    for (let k = 0; k < 3; k++) verts.get(r)!.add(m.triangles[3 * t + k]!);
  }
  return [...verts.values()].map((set) => [...set]);
}

/** Distance from p to the segment a–b. */
function toSegment(px: number, py: number, a: { x: number; y: number }, b: { x: number; y: number }) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - a.x - t * dx, py - a.y - t * dy);
}

/** The pins with every unheld piece of the mesh pinned rigidly to its nearest bone. */
export function pinLoosePieces(body: Body, m: PartedMesh, pins: Pins): Pins {
  const pinned = new Set<number>();
  for (let k = 0; k < pins.verts.length; k++) if (pins.bary[k]! > 0) pinned.add(pins.verts[k]!);
  // A piece needs pinned points at two places at least: with one, its turn and size are free.
  const loose = pieces(m).filter((list) => list.filter((v) => pinned.has(v)).length < 2);
  if (loose.length === 0) return pins;
  const J = body.joints;
  const bones = LIMBS.filter(([a, b]) => J[a] && J[b] && (J[a]!.x !== J[b]!.x || J[a]!.y !== J[b]!.y));
  const extra = { verts: [] as number[], a: [] as number[], b: [] as number[], rest: [] as number[] };
  for (const list of loose) {
    const P = m.points;
    const cx = list.reduce((s, v) => s + P[2 * v]!, 0) / list.length;
    const cy = list.reduce((s, v) => s + P[2 * v + 1]!, 0) / list.length;
    const [a, b] = bones.reduce((best, bone) =>
      toSegment(cx, cy, J[bone[0]]!, J[bone[1]]!) < toSegment(cx, cy, J[best[0]]!, J[best[1]]!) ? bone : best,
    );
    // Two vertices far apart fix the piece's turn as well as its place.
    const first = list.reduce((f, v) =>
      Math.hypot(P[2 * v]! - cx, P[2 * v + 1]! - cy) > Math.hypot(P[2 * f]! - cx, P[2 * f + 1]! - cy) ? v : f,
    );
    const second = list.reduce((f, v) =>
      Math.hypot(P[2 * v]! - P[2 * first]!, P[2 * v + 1]! - P[2 * first + 1]!) >
      Math.hypot(P[2 * f]! - P[2 * first]!, P[2 * f + 1]! - P[2 * first + 1]!)
        ? v
        : f,
    );
    for (const v of new Set([first, second])) {
      extra.verts.push(v);
      extra.a.push(a);
      extra.b.push(b);
      extra.rest.push(P[2 * v]!, P[2 * v + 1]!);
    }
  }
  const n = extra.verts.length;
  const grow = <T extends Int32Array | Float64Array | Uint8Array | Int8Array>(
    old: T,
    make: (size: number) => T,
    added: number[],
  ) => {
    const out = make(old.length + added.length);
    out.set(old);
    out.set(added, old.length);
    return out;
  };
  return {
    count: pins.count + n,
    verts: grow(
      pins.verts,
      (s) => new Int32Array(s),
      extra.verts.flatMap((v) => [v, v, v]),
    ),
    bary: grow(
      pins.bary,
      (s) => new Float64Array(s),
      extra.verts.flatMap(() => [1, 0, 0]),
    ),
    kind: grow(pins.kind, (s) => new Uint8Array(s), Array<number>(n).fill(PIN_END)),
    a: grow(pins.a, (s) => new Int8Array(s), extra.a),
    b: grow(pins.b, (s) => new Int8Array(s), extra.b),
    t: grow(pins.t, (s) => new Float64Array(s), Array<number>(n).fill(0)),
    rest: grow(pins.rest, (s) => new Float64Array(s), extra.rest),
  };
}
