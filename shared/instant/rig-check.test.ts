import { describe, expect, it } from "vitest";
import { hide, standingFigure } from "../../tests/helpers/instant-bodies";
import { BODY, DRAWN_LIMBS, LIMBS, type PosePerson } from "../pose/model";
import type { Rgba } from "../raster/rgba";
import { buildFigure } from "../templates/figure";
import { RigProblem, type AvatarRig } from "./contract";
import { checkRig } from "./rig-check";

const J = BODY;
const WIDTH = 300;
const HEIGHT = 450;
const figure = (width: number, height: number, margin = 0.08) =>
  buildFigure(
    {
      rightArm: { angles: [-7, -4] },
      leftArm: { angles: [7, 4] },
      rightLeg: { angles: [-3, -1] },
      leftLeg: { angles: [3, 1] },
    },
    width,
    height,
    margin,
  ).people[0]!;

/** A cut-out of a stick person: every drawn limb as a thick capsule, opaque inside, transparent outside. */
function cutoutOf(person: PosePerson, width: number, height: number, radius = 14): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (const [a, b] of LIMBS.slice(0, DRAWN_LIMBS).map(([i, j]) => [person.body[i]!, person.body[j]!] as const)) {
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + radius));
    const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + radius));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / Math.max(dx * dx + dy * dy, 1e-9)));
        if (Math.hypot(x - a.x - t * dx, y - a.y - t * dy) <= radius)
          data.set([200, 150, 120, 255], (y * width + x) * 4);
      }
    }
  }
  return { width, height, data };
}
const filled = (width: number, height: number, alpha: number): Rgba => {
  const data = new Uint8Array(width * height * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = alpha;
  return { width, height, data };
};
const shifted = (person: PosePerson, dx: number): PosePerson => ({
  ...person,
  body: person.body.map((p) => (p ? { ...p, x: p.x + dx } : null)),
});

function problem(rig: AvatarRig): RigProblem {
  try {
    checkRig(rig);
  } catch (e) {
    expect(e).toBeInstanceOf(RigProblem);
    return e as RigProblem;
  }
  throw new Error("checkRig accepted the rig");
}

describe("checkRig", () => {
  const pose = figure(WIDTH, HEIGHT);
  const cutout = cutoutOf(pose, WIDTH, HEIGHT);

  it("accepts a person cut out with its own pose (also with one hip or no legs)", () => {
    expect(() => checkRig({ cutout, pose })).not.toThrow();
    expect(() => checkRig({ cutout, pose: hide(pose, [J.leftHip]) })).not.toThrow();
    expect(() =>
      checkRig({ cutout, pose: hide(pose, [J.rightKnee, J.rightAnkle, J.leftKnee, J.leftAnkle]) }),
    ).not.toThrow();
  });

  it("rig_too_small: a picture under 64 px a side", () => {
    const small = figure(63, 200);
    const p = problem({ cutout: cutoutOf(small, 63, 200, 3), pose: small });
    expect(p.code).toBe("rig_too_small");
    expect(p.message).toMatch(/63×200 px.*at least 64 px/);
  });

  it("rig_too_small: a person under ~10 % of the picture", () => {
    // The same person drawn at a fifth of the size in the picture's corner.
    const tiny = figure(WIDTH / 5, HEIGHT / 5, 0.02);
    const p = problem({ cutout: cutoutOf(tiny, WIDTH, HEIGHT, 3), pose: tiny });
    expect(p.code).toBe("rig_too_small");
    expect(p.message).toMatch(/covers only \d+ %.*Crop the photo closer/);
  });

  it("rig_torso_missing: no neck, a missing shoulder or neither hip, each named", () => {
    for (const [hidden, named] of [
      [[J.neck], /the neck/],
      [[J.leftShoulder], /the left shoulder/],
      [[J.rightHip, J.leftHip], /a hip/],
      [[J.neck, J.rightShoulder], /the neck and the right shoulder/],
    ] as const) {
      const p = problem({ cutout, pose: hide(pose, [...hidden]) });
      expect(p.code).toBe("rig_torso_missing");
      expect(p.message).toMatch(named);
      expect(p.message).toMatch(/Mark the neck, both shoulders and at least one hip/);
    }
  });

  it("needs no hip when the person runs off the picture's bottom edge (a half-body photo)", () => {
    const tall = figure(WIDTH, 2 * HEIGHT);
    const legless = hide(tall, [J.rightHip, J.leftHip, J.rightKnee, J.rightAnkle, J.leftKnee, J.leftAnkle]);
    const cut = 400; // the picture ends above the hips
    expect(tall.body[J.rightHip]!.y).toBeGreaterThan(cut);
    expect(() => checkRig({ cutout: cutoutOf(tall, WIDTH, cut), pose: legless })).not.toThrow();
    // The same pose on a whole person, in frame: the hips are missing, not out of frame.
    const p = problem({ cutout: cutoutOf(tall, WIDTH, 2 * HEIGHT), pose: legless });
    expect(p.code).toBe("rig_torso_missing");
    expect(p.message).toMatch(/lacks a hip\./);
  });

  it("rig_mask_empty: a fully transparent cut-out", () => {
    const p = problem({ cutout: filled(WIDTH, HEIGHT, 0), pose });
    expect(p.code).toBe("rig_mask_empty");
    expect(p.message).toMatch(/Cut the person out again/);
  });

  it("rig_mask_full: an opaque picture (no background removed), also with a few clear pixels", () => {
    const opaque = filled(WIDTH, HEIGHT, 255);
    expect(problem({ cutout: opaque, pose }).code).toBe("rig_mask_full");
    for (let x = 0; x < WIDTH; x++) opaque.data[x * 4 + 3] = 0; // one transparent row is not a cut-out
    const p = problem({ cutout: opaque, pose });
    expect(p.code).toBe("rig_mask_full");
    expect(p.message).toMatch(/Remove the background/);
  });

  it("rig_mask_pose_apart: a pose beside the person, not on it", () => {
    const p = problem({ cutout, pose: shifted(pose, 120) });
    expect(p.code).toBe("rig_mask_pose_apart");
    expect(p.message).toMatch(/Move those joints onto the person/);
    // A pose a few pixels off the outline still sits on the person.
    expect(() => checkRig({ cutout, pose: shifted(pose, 6) })).not.toThrow();
  });

  it("reads the standard test body the other tests use as a plausible rig too", () => {
    const body = standingFigure();
    expect(() => checkRig({ cutout: cutoutOf(body, 600, 900, 20), pose: body })).not.toThrow();
  });
});
