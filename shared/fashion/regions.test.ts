import { describe, expect, it } from "vitest";
import { BODY, type Pose } from "../pose/model";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import { headSize } from "../pose/body-geometry";
import { coverage, maskPng } from "../raster/mask";
import { HIJAB_STYLES, OUTFITS, hijabMask, outfitMask } from "./regions";

const poses = BUILT_IN_TEMPLATES.map((t) => [t.slug, buildFigure(t.figure, 512, 768)] as const);

/** A joint under a hand (hand on the hip, hand at the ear) belongs to the hand: no cover required. */
const underHand = (pose: Pose, part: keyof typeof BODY) => {
  const body = pose.people[0]!.body;
  const p = body[BODY[part]];
  const head = headSize(pose.people[0]!)!;
  return [body[BODY.rightWrist], body[BODY.leftWrist]].some(
    (w) => p && w && Math.hypot(p.x - w.x, p.y - w.y) < head * 0.6,
  );
};

/** Coverage of a named joint of the first person, or null when the pose lacks it. */
const cover = (mask: ReturnType<typeof hijabMask>, pose: Pose, part: keyof typeof BODY) => {
  const p = pose.people[0]!.body[BODY[part]];
  return p ? coverage(mask, p) : null;
};

describe("hijab mask", () => {
  it.each(HIJAB_STYLES)(
    "%s: covers the ears and neck, never the face, wrists or legs, on every built-in template",
    (style) => {
      for (const [slug, pose] of poses) {
        const mask = hijabMask(pose, style);
        for (const part of ["rightEar", "leftEar", "neck"] as const) {
          const c = cover(mask, pose, part);
          if (c !== null && !underHand(pose, part)) expect(c, `${slug} ${part}`).toBeGreaterThan(0.5);
        }
        for (const part of [
          "nose",
          "rightEye",
          "leftEye",
          "rightWrist",
          "leftWrist",
          "rightHip",
          "leftHip",
          "rightKnee",
          "leftKnee",
          "rightAnkle",
          "leftAnkle",
        ] as const) {
          const c = cover(mask, pose, part);
          if (c !== null) expect(c, `${slug} ${part}`).toBeLessThan(0.5);
        }
      }
    },
  );

  it("is feathered: soft values at the edge, not only 0 and 255", () => {
    const mask = hijabMask(poses[0]![1], "modern");
    const soft = mask.data.filter((v) => v > 0 && v < 255).length;
    expect(soft).toBeGreaterThan(200);
  });

  it("a turban stays on the head; a square hijab falls over the chest", () => {
    const pose = poses[0]![1];
    const chest = { x: pose.people[0]!.body[BODY.neck]!.x, y: pose.people[0]!.body[BODY.neck]!.y + 60 };
    expect(coverage(hijabMask(pose, "square"), chest)).toBeGreaterThan(0.5);
    expect(coverage(hijabMask(pose, "turban"), chest)).toBeLessThan(0.5);
  });

  it("renders as a PNG of the image's size", () => {
    const png = maskPng(hijabMask(poses[0]![1], "modern"));
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([512, 768]);
  });
});

describe("outfit masks", () => {
  it.each(OUTFITS)(
    "%s: covers shoulders, hips and knees, not the face or the hands, on every built-in template",
    (outfit) => {
      for (const [slug, pose] of poses) {
        const mask = outfitMask(pose, outfit);
        for (const part of [
          "rightShoulder",
          "leftShoulder",
          "rightHip",
          "leftHip",
          "rightKnee",
          "leftKnee",
          "rightElbow",
          "leftElbow",
        ] as const) {
          const c = cover(mask, pose, part);
          if (c !== null && !underHand(pose, part)) expect(c, `${slug} ${part}`).toBeGreaterThan(0.5);
        }
        for (const part of ["nose", "rightEye", "leftEye", "rightWrist", "leftWrist"] as const) {
          const c = cover(mask, pose, part);
          if (c !== null) expect(c, `${slug} ${part}`).toBeLessThan(0.5);
        }
      }
    },
  );
});
