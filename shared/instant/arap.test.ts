import { describe, expect, it } from "vitest";
import { syntheticSubject } from "../../tests/helpers/instant-subject";
import { BODY } from "../pose/model";
import { buildArap, solveArap } from "./arap";
import { RigProblem } from "./contract";
import { PIN_JOINT, type Pins } from "./pins";
import { prepareRig } from "./prepare-rig";
import { addEntry, createEnvelope, factorEnvelope, reverseCuthillMcKee, solveEnvelope } from "./sparse-cholesky";

/** A strip of unit squares (two triangles each), n squares long, starting at x0. */
function strip(n: number, x0: number, firstVertex: number) {
  const points: number[] = [];
  const triangles: number[] = [];
  for (let i = 0; i <= n; i++) points.push(x0 + i, 0, x0 + i, 1);
  for (let i = 0; i < n; i++) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => firstVertex + 2 * i + k) as [number, number, number, number];
    triangles.push(a, c, b, b, c, d);
  }
  return { points, triangles };
}

/** Pins on single vertices (kind "joint"), targets given per pin. */
function vertexPins(vertices: number[], rest: number[]): Pins {
  const n = vertices.length;
  return {
    count: n,
    verts: Int32Array.from(vertices.flatMap((v) => [v, v, v])),
    bary: Float64Array.from(vertices.flatMap(() => [1, 0, 0])),
    kind: new Uint8Array(n).fill(PIN_JOINT),
    a: new Int8Array(n),
    b: new Int8Array(n),
    t: new Float64Array(n),
    rest: Float64Array.from(vertices.flatMap((v) => [rest[2 * v]!, rest[2 * v + 1]!])),
  };
}

describe("envelope Cholesky", () => {
  it("solves a sparse SPD system like a dense solve does", () => {
    // A 1-D Laplacian plus a diagonal shift, numbered out of order so RCM has work to do.
    const n = 40;
    const perm = Array.from({ length: n }, (_, i) => (i * 17) % n);
    const pattern = Array.from({ length: n }, () => [] as number[]);
    for (let i = 0; i + 1 < n; i++) {
      pattern[perm[i]!]!.push(perm[i + 1]!);
      pattern[perm[i + 1]!]!.push(perm[i]!);
    }
    const env = createEnvelope(pattern, reverseCuthillMcKee(pattern));
    // RCM turns the scattered chain back into a band of width 1.
    expect(Math.max(...Array.from(env.first, (f, i) => i - f))).toBe(1);
    for (let i = 0; i < n; i++) addEntry(env, perm[i]!, perm[i]!, i === 0 || i === n - 1 ? 1.5 : 2.5);
    for (let i = 0; i + 1 < n; i++) addEntry(env, perm[i]!, perm[i + 1]!, -1);
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    // b = A x, computed directly from the chain.
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = perm[i]!;
      b[v] = (i === 0 || i === n - 1 ? 1.5 : 2.5) * x[v]!;
      if (i > 0) b[v] -= x[perm[i - 1]!]!;
      if (i + 1 < n) b[v] -= x[perm[i + 1]!]!;
    }
    const solved = solveEnvelope(factorEnvelope(env), b);
    for (let i = 0; i < n; i++) expect(solved[i]).toBeCloseTo(x[i]!, 9);
  });
});

describe("the ARAP solve", () => {
  it("moves a pinned strip rigidly when its pins move rigidly", () => {
    const { points, triangles } = strip(6, 0, 0);
    const rest = Float64Array.from(points);
    const pins = vertexPins([0, 1, 12, 13], points);
    const arap = buildArap(rest, Uint32Array.from(triangles), new Float64Array(triangles.length / 3).fill(1), pins);
    // Rotate 90° about the origin: (x, y) → (−y, x).
    const targets = Float64Array.from(
      Array.from({ length: 4 }, (_, k) => [-pins.rest[2 * k + 1]!, pins.rest[2 * k]!]).flat(),
    );
    const out = solveArap(arap, targets, 1);
    for (let v = 0; v < rest.length / 2; v++) {
      expect(out[2 * v]).toBeCloseTo(-rest[2 * v + 1]!, 4);
      expect(out[2 * v + 1]).toBeCloseTo(rest[2 * v]!, 4);
    }
  });

  it("fails loudly on a piece that no pin holds (non-positive pivot)", () => {
    // Two separate strips; only the first is pinned.
    const a = strip(3, 0, 0);
    const b = strip(3, 10, 8);
    const points = [...a.points, ...b.points];
    const triangles = [...a.triangles, ...b.triangles];
    const pins = vertexPins([0, 1, 6, 7], points);
    expect(() =>
      buildArap(
        Float64Array.from(points),
        Uint32Array.from(triangles),
        new Float64Array(triangles.length / 3).fill(1),
        pins,
      ),
    ).toThrow(/non-positive pivot .*held by no pin/);
  });
});

describe("preparing a rig", () => {
  it("refuses a pose without the torso's joints, saying which", () => {
    const rig = syntheticSubject(200, 360);
    const body = rig.pose.body.map((k, i) => (i === BODY.neck ? null : k));
    expect(() => prepareRig({ ...rig, pose: { ...rig.pose, body } })).toThrow(RigProblem);
    expect(() => prepareRig({ ...rig, pose: { ...rig.pose, body } })).toThrow(/neck and both shoulders/);
  });

  it("refuses an empty cut-out as a rig problem", () => {
    const rig = syntheticSubject(200, 360);
    const cutout = { ...rig.cutout, data: new Uint8ClampedArray(rig.cutout.data.length) };
    expect(() => prepareRig({ ...rig, cutout })).toThrow(expect.objectContaining({ code: "rig_mask_empty" }));
  });

  it("works at most 1024 px tall: a taller cut-out is scaled down first", () => {
    const rig = syntheticSubject(400, 1440);
    const prepared = prepareRig(rig);
    expect(prepared.scale).toBeCloseTo(1024 / 1440, 6);
    expect(prepared.texture.height).toBe(1024);
    expect(Math.max(...prepared.mesh.points.filter((_, i) => i % 2 === 1))).toBeLessThan(1024);
  });
});
