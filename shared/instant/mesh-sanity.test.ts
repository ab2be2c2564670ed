// Mesh sanity on real cut-outs: every built-in template drawn on messi5 (full body, a kick with
// bent knees: big bends to undo) and on the astronaut (half body) folds no triangle, and the
// engine is deterministic — a rig prepared twice gives the same mesh, the same deformation and
// the same picture bytes.
import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import messi from "../../tests/fixtures/messi5.landmarks.json";
import { ASTRONAUT_POSE } from "../../tests/helpers/astronaut-pose";
import { mediapipeToOpenPose } from "../pose/mediapipe";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import type { AvatarRig } from "./contract";
import { deformRig, drawInstantPose } from "./draw-pose";
import { prepareRig } from "./prepare-rig";
import { retargetPose } from "./retarget";
import { foldedTriangles } from "./untangle";

function decode(bytes: ArrayBuffer): AvatarRig["cutout"] {
  const photo = PhotonImage.new_from_byteslice(new Uint8Array(bytes));
  const cutout = { width: photo.get_width(), height: photo.get_height(), data: photo.get_raw_pixels() };
  photo.free();
  return cutout;
}

const RIGS: [string, AvatarRig][] = [
  [
    "messi5",
    {
      cutout: decode(env.FIXTURE_MESSI_CUTOUT_PNG),
      pose: mediapipeToOpenPose(messi.landmarks, messi.imageWidth, messi.imageHeight),
    },
  ],
  ["astronaut", { cutout: decode(env.FIXTURE_ASTRONAUT_CUTOUT_PNG), pose: ASTRONAUT_POSE }],
];
/** The first index where two byte arrays differ (−1: same length, same bytes); deep equality on megabytes is slow. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

const SIZE = { width: 512, height: 768 };

describe.each(RIGS)("the instant engine's mesh on %s", (_, rig) => {
  const targets = BUILT_IN_TEMPLATES.map((template) => ({
    slug: template.slug,
    target: retargetPose(rig.pose, buildFigure(template.figure, SIZE.width, SIZE.height), SIZE),
  }));

  it("folds no triangle in any built-in pose, and deforms the same way twice", () => {
    const first = prepareRig(rig);
    const second = prepareRig(rig);
    expect(second.mesh.points).toEqual(first.mesh.points);
    expect(second.mesh.triangles).toEqual(first.mesh.triangles);
    const folded: string[] = [];
    for (const { slug, target } of targets) {
      const positions = deformRig(first, target);
      const n = foldedTriangles(first.mesh.triangles, positions);
      if (n > 0) folded.push(`${slug}: ${n}`);
      expect(firstDifference(deformRig(second, target), positions), slug).toBe(-1);
    }
    expect(folded).toEqual([]);
  });

  it("draws the same bytes twice", () => {
    const prepared = prepareRig(rig);
    for (const slug of ["front-neutral", "chair-side", "stretch-up"]) {
      const { target } = targets.find((t) => t.slug === slug)!;
      const a = drawInstantPose(prepared, target, SIZE);
      const b = drawInstantPose(prepareRig(rig), target, SIZE);
      expect(firstDifference(b.image.data, a.image.data), slug).toBe(-1);
      expect(firstDifference(b.mask.data, a.mask.data), slug).toBe(-1);
    }
  });
});
