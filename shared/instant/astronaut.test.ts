// The engine on a real photo: tests/fixtures/astronaut.cutout.png (half body, soft cut-out edges,
// a helmet held in front), with its pose placed by hand (tests/helpers/astronaut-pose.ts).
import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ASTRONAUT_POSE } from "../../tests/helpers/astronaut-pose";
import { rotateJoints } from "../../tests/helpers/instant-subject";
import { BODY } from "../pose/model";
import type { AvatarRig } from "./contract";
import { deformRig, drawInstantPose } from "./draw-pose";
import { identityTarget } from "./identity-target";
import { prepareRig } from "./prepare-rig";
import { foldedTriangles } from "./untangle";

const photo = PhotonImage.new_from_byteslice(new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG));
const rig: AvatarRig = {
  cutout: { width: photo.get_width(), height: photo.get_height(), data: photo.get_raw_pixels() },
  pose: ASTRONAUT_POSE,
};
const size = { width: rig.cutout.width, height: rig.cutout.height };
const prepared = prepareRig(rig);
const identity = identityTarget(rig, size);
const FACE = [BODY.nose, BODY.rightEye, BODY.leftEye, BODY.rightEar, BODY.leftEar];
const tilt = (degrees: number) => ({
  ...rotateJoints(identity, BODY.neck, FACE, degrees),
  head: { angle: (degrees * Math.PI) / 180, scale: 1 },
});

/** PSNR (dB) over RGB of `img` against `ref` sampled at `map(x, y)`, for pixels where `where` holds. */
function psnr(
  ref: AvatarRig["cutout"],
  img: AvatarRig["cutout"],
  where: (x: number, y: number) => boolean,
  map = (x: number, y: number) => [x, y] as const,
) {
  let se = 0;
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (!where(x, y)) continue;
      const [sx, sy] = map(x, y).map(Math.round) as [number, number];
      if (sx < 0 || sy < 0 || sx >= ref.width || sy >= ref.height) continue;
      const i = 4 * (sy * ref.width + sx);
      const o = 4 * (y * img.width + x);
      for (let k = 0; k < 3; k++) se += (ref.data[i + k]! - img.data[o + k]!) ** 2;
      n += 3;
    }
  }
  return 10 * Math.log10((255 * 255) / (se / n));
}

describe("the instant pose engine on the astronaut photo", () => {
  it("reproduces the cut-out in the identity pose (PSNR ≥ 30 dB inside the mask)", () => {
    const pic = drawInstantPose(prepared, identity, size);
    const inside = (x: number, y: number) => rig.cutout.data[4 * (y * size.width + x) + 3]! >= 128;
    expect(psnr(rig.cutout, pic.image, inside)).toBeGreaterThanOrEqual(30);
  });

  it.each([
    { name: "head tilted", target: tilt(-15) },
    {
      name: "right arm out",
      target: rotateJoints(identity, BODY.rightShoulder, [BODY.rightElbow, BODY.rightWrist], 30),
    },
    { name: "right forearm bent", target: rotateJoints(identity, BODY.rightElbow, [BODY.rightWrist], 45) },
  ])("folds no triangle ($name)", ({ target }) => {
    expect(foldedTriangles(prepared.mesh.triangles, deformRig(prepared, target))).toBe(0);
  });

  it("turns the face as one rigid piece when the head tilts", () => {
    const degrees = -15;
    const pic = drawInstantPose(prepared, tilt(degrees), size);
    // Undo the head's rotation about the face centroid and compare with the photo's face.
    const from = FACE.map((j) => ASTRONAUT_POSE.body[j]!);
    const to = FACE.map((j) => tilt(degrees).joints[j]!);
    const mean = (p: { x: number; y: number }[]) => ({
      x: p.reduce((s, q) => s + q.x, 0) / p.length,
      y: p.reduce((s, q) => s + q.y, 0) / p.length,
    });
    const [c0, c1] = [mean(from), mean(to)];
    const a = (-degrees * Math.PI) / 180;
    const back = (x: number, y: number) => {
      const dx = x + 0.5 - c1.x;
      const dy = y + 0.5 - c1.y;
      return [
        c0.x + Math.cos(a) * dx - Math.sin(a) * dy - 0.5,
        c0.y + Math.sin(a) * dx + Math.cos(a) * dy - 0.5,
      ] as const;
    };
    // The eyes-to-mouth area: well inside the head.
    const face = (x: number, y: number) => Math.hypot(x - c1.x, y - c1.y - 12) < 30;
    expect(psnr(rig.cutout, pic.image, face, back)).toBeGreaterThanOrEqual(25);
  });
});
