import { describe, expect, it } from "vitest";
import { MARKERS, syntheticSubject, testPoses } from "../../tests/helpers/instant-subject";
import type { InstantPicture, RetargetedPose } from "./contract";
import { deformRig, drawInstantPose } from "./draw-pose";
import { identityTarget } from "./identity-target";
import { prepareRig } from "./prepare-rig";
import { foldedTriangles } from "./untangle";

const rig = syntheticSubject();
const size = { width: rig.cutout.width, height: rig.cutout.height };
const prepared = prepareRig(rig);
const identity = identityTarget(rig, size);

/** PSNR (dB) of the RGB channels over the pixels where the reference's alpha ≥ 128. */
function psnrInsideMask(ref: { data: ArrayLike<number> }, img: { data: ArrayLike<number> }, pixels: number) {
  let se = 0;
  let n = 0;
  for (let i = 0; i < pixels; i++) {
    if (ref.data[4 * i + 3]! < 128) continue;
    for (let k = 0; k < 3; k++) se += (ref.data[4 * i + k]! - img.data[4 * i + k]!) ** 2;
    n += 3;
  }
  return 10 * Math.log10((255 * 255) / (se / n));
}

/** Centroid of the opaque pixels within 60 (sum of |Δ|) of a marker colour. */
function markerCentre(pic: InstantPicture, rgb: readonly number[]) {
  const { width, height, data } = pic.image;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let i = 0; i < width * height; i++) {
    if (data[4 * i + 3]! < 250) continue;
    const d =
      Math.abs(data[4 * i]! - rgb[0]!) + Math.abs(data[4 * i + 1]! - rgb[1]!) + Math.abs(data[4 * i + 2]! - rgb[2]!);
    if (d > 60) continue;
    sx += i % width;
    sy += Math.floor(i / width);
    n++;
  }
  expect(n).toBeGreaterThan(10);
  return { x: sx / n, y: sy / n };
}

describe("the instant pose engine on a synthetic subject", () => {
  it("builds a mesh of a sensible size", () => {
    const vertices = prepared.mesh.points.length / 2;
    expect(vertices).toBeGreaterThan(300);
    expect(vertices).toBeLessThan(3000);
    // Every part is present and holds triangles.
    for (const tris of prepared.partTriangles) expect(tris.length).toBeGreaterThan(10);
  });

  it("reproduces the cut-out in the identity pose (PSNR ≥ 30 dB inside the mask)", () => {
    const pic = drawInstantPose(prepared, identity, size);
    expect(psnrInsideMask(rig.cutout, pic.image, size.width * size.height)).toBeGreaterThanOrEqual(30);
    // And the person's mask is the cut-out's: intersection over union ≥ 0.99.
    let both = 0;
    let either = 0;
    for (let i = 0; i < size.width * size.height; i++) {
      const a = rig.cutout.data[4 * i + 3]! >= 128;
      const b = pic.mask.data[i] === 255;
      if (a && b) both++;
      if (a || b) either++;
    }
    expect(both / either).toBeGreaterThanOrEqual(0.99);
  });

  it("gives a mask that is exactly the image's alpha ≥ 128", () => {
    const pic = drawInstantPose(prepared, testPoses(identity).armsUp!, size);
    let opaque = 0;
    let wrong = 0;
    for (let i = 0; i < size.width * size.height; i++) {
      if (pic.mask.data[i] !== (pic.image.data[4 * i + 3]! >= 128 ? 255 : 0)) wrong++;
      if (pic.mask.data[i]) opaque++;
    }
    expect(wrong).toBe(0);
    expect(opaque).toBeGreaterThan(1000);
  });

  const poses = Object.entries(testPoses(identity));
  it.each(poses)("folds no triangle in pose %s", (_name, target: RetargetedPose) => {
    expect(foldedTriangles(prepared.mesh.triangles, deformRig(prepared, target))).toBe(0);
  });

  it("moves the limbs to their targets", () => {
    // A taller canvas (same scale, the person centred) so raised hands stay inside it.
    const tall = { width: size.width, height: size.height + 300 };
    const start = identityTarget(rig, tall);
    const target = testPoses(start).armsUp!;
    const pic = drawInstantPose(prepared, target, tall);
    // The raised wrists are covered by the person; where they hung is now empty.
    for (const w of [4, 7]) {
      const to = target.joints[w]!;
      expect(pic.mask.data[Math.round(to.y) * tall.width + Math.round(to.x)]).toBe(255);
      const from = start.joints[w]!;
      expect(pic.mask.data[Math.round(from.y) * tall.width + Math.round(from.x)]).toBe(0);
    }
  });

  it("draws an arm crossing the body in front of the torso, and a hidden one behind it", () => {
    const across = testPoses(identity).armAcross!;
    // The middle of the forearm, which now lies over the torso.
    const [e, w] = [across.joints[3]!, across.joints[4]!];
    const at = Math.round((e.y + w.y) / 2) * size.width + Math.round((e.x + w.x) / 2);
    // Torso texture: the checker's blue or yellow; the arm's stripes are red-brown (red well
    // above blue, green not).
    const isArm = (pic: InstantPicture) => {
      const [r, g, b] = [0, 1, 2].map((k) => pic.image.data[4 * at + k]!) as [number, number, number];
      return r > b + 40 && g < b + 50;
    };
    expect(isArm(drawInstantPose(prepared, across, size))).toBe(true);
    const behind = {
      ...across,
      armInFront: { left: false, right: false },
      given: across.given.map((g, i) => g && i !== 4),
    };
    // The near (right) arm with a hidden wrist that does not cross in front goes behind the torso.
    expect(isArm(drawInstantPose(prepared, behind, size))).toBe(false);
  });

  it("is deterministic: same rig and pose, same bytes", () => {
    const target = testPoses(identity).lean!;
    const a = drawInstantPose(prepareRig(rig), target, size);
    const b = drawInstantPose(prepareRig(rig), target, size);
    expect(Buffer.from(a.image.data).equals(Buffer.from(b.image.data))).toBe(true);
  });

  it.each([
    { name: "lean", target: testPoses(identity).lean! },
    { name: "half size", target: identityTarget(rig, { width: 200, height: 360 }) },
  ])("carries the face rigidly ($name): marker distances within 5 %", ({ target }) => {
    const out = {
      width: Math.round(target.head.scale * size.width),
      height: Math.round(target.head.scale * size.height),
    };
    const before = drawInstantPose(prepared, identity, size);
    const after = drawInstantPose(prepared, target, out);
    const pts = (pic: InstantPicture) => Object.values(MARKERS).map((rgb) => markerCentre(pic, rgb));
    const [a0, b0, c0] = pts(before);
    const [a1, b1, c1] = pts(after);
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    for (const [p0, q0, p1, q1] of [
      [a0!, b0!, a1!, b1!],
      [a0!, c0!, a1!, c1!],
      [b0!, c0!, b1!, c1!],
    ]) {
      expect(Math.abs(d(p1!, q1!) / (d(p0!, q0!) * target.head.scale) - 1)).toBeLessThanOrEqual(0.05);
    }
  });

  it("draws the skeleton it followed, synthesised joints left out", () => {
    const pic = drawInstantPose(prepared, { ...identity, given: identity.given.map((g, i) => g && i !== 16) }, size);
    expect(pic.skeleton.people[0]!.body[16]).toBeNull();
    expect(pic.skeleton.people[0]!.body[4]).toEqual({ ...identity.joints[4], c: 1 });
  });
});
