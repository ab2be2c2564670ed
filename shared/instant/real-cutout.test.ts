// The engine on a cut-out as the app's own background removal makes it: tests/fixtures/
// messi5.cutout.png keeps the ball and soft specks of grass beside the player, and its pose is the
// one MediaPipe found on the photo. Pieces of the mesh joined to the rest at a single vertex used
// to leave the deformation singular ("a piece of the mesh is held by no pin").
import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import messi from "../../tests/fixtures/messi5.landmarks.json";
import { mediapipeToOpenPose } from "../pose/mediapipe";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import type { AvatarRig } from "./contract";
import { drawInstantPose } from "./draw-pose";
import { prepareRig } from "./prepare-rig";
import { retargetPose } from "./retarget";
import { checkRig } from "./rig-check";

const photo = PhotonImage.new_from_byteslice(new Uint8Array(env.FIXTURE_MESSI_CUTOUT_PNG));
const rig: AvatarRig = {
  cutout: { width: photo.get_width(), height: photo.get_height(), data: photo.get_raw_pixels() },
  pose: mediapipeToOpenPose(messi.landmarks, messi.imageWidth, messi.imageHeight),
};

describe("the instant engine on a real cut-out", () => {
  it("prepares messi5's rig and draws every built-in pose with the person in it", () => {
    checkRig(rig);
    const prepared = prepareRig(rig);
    const size = { width: 512, height: 768 };
    for (const template of BUILT_IN_TEMPLATES) {
      const target = buildFigure(template.figure, size.width, size.height);
      const picture = drawInstantPose(prepared, retargetPose(rig.pose, target, size), size);
      let opaque = 0;
      for (const v of picture.mask.data) if (v) opaque++;
      expect(opaque, template.slug).toBeGreaterThan(10_000);
    }
  });
});
