import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import { BODY, emptyPerson, type Pose } from "./model";
import { poseScore } from "./pose-score";
import { mirrorPose } from "./transform";

const figure = (slug: string) => buildFigure(BUILT_IN_TEMPLATES.find((t) => t.slug === slug)!.figure, 512, 768);

/** A pose of the given body points on a 512 × 768 canvas. */
function sparse(points: Partial<Record<keyof typeof BODY, [number, number]>>): Pose {
  const person = emptyPerson();
  for (const [name, [x, y]] of Object.entries(points)) person.body[BODY[name as keyof typeof BODY]] = { x, y, c: 1 };
  return { canvasWidth: 512, canvasHeight: 768, people: [person] };
}

const moved = (pose: Pose, joint: number, dx: number, dy: number): Pose => ({
  ...pose,
  people: pose.people.map((p) => ({
    ...p,
    body: p.body.map((k, i) => (k && i === joint ? { ...k, x: k.x + dx, y: k.y + dy } : k)),
  })),
});

describe("pose score (OKS against the requested skeleton)", () => {
  it("is 1 for the identical pose", () => {
    const pose = figure("front-neutral");
    expect(poseScore(pose, pose)).toBeCloseTo(1, 10);
  });

  it("a wrist moved by a known distance gives the value computed by hand from the COCO sigma", () => {
    // Neck (100,100), right shoulder (60,100), right wrist (40,300), right hip (80,400): the
    // box is 60 × 300 px, s² = 18000. The wrist moves 30 px; its COCO sigma is 0.062, k = 2σ =
    // 0.124: exp(−30² / (2 · 18000 · 0.124²)) = exp(−900 / 553.536) = 0.19673. The other three
    // joints are exact (1 each): OKS = (3 + 0.19673) / 4 = 0.79918.
    const requested = sparse({
      neck: [100, 100],
      rightShoulder: [60, 100],
      rightWrist: [40, 300],
      rightHip: [80, 400],
    });
    const detected = moved(requested, BODY.rightWrist, 30, 0);
    expect(poseScore(requested, detected)).toBeCloseTo(0.79918, 2);
    expect(Math.abs(poseScore(requested, detected)! - 0.79918)).toBeLessThanOrEqual(0.01);
  });

  it("a wrist moved on a whole figure loses exactly that joint's share", () => {
    const requested = figure("front-neutral");
    const body = requested.people[0]!.body.filter((p) => p !== null);
    const xs = body.map((p) => p.x);
    const ys = body.map((p) => p.y);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    const d = 40;
    // By hand: 17 exact joints and the left wrist (σ = 0.062) 40 px off, over 18.
    const expected = (17 + Math.exp(-(d * d) / (2 * area * (2 * 0.062) ** 2))) / 18;
    expect(body).toHaveLength(18);
    expect(poseScore(requested, moved(requested, BODY.leftWrist, 0, d))).toBeCloseTo(expected, 2);
    expect(expected).toBeLessThan(0.99);
  });

  it("scores a mirrored pose below the 0.5 threshold", () => {
    // A flipped picture of a side-on seated figure: faced the other way, left and right as seen.
    const requested = figure("chair-side");
    expect(poseScore(requested, mirrorPose(requested))).toBeLessThan(0.5);
    // Flipped without the detector's left/right relabelling, every pose falls below it.
    for (const t of BUILT_IN_TEMPLATES.slice(0, 8)) {
      const pose = buildFigure(t.figure, 512, 768);
      const flipped = {
        ...pose,
        people: pose.people.map((p) => ({ ...p, body: p.body.map((k) => k && { ...k, x: 512 - k.x }) })),
      };
      expect(poseScore(pose, flipped), t.slug).toBeLessThan(0.5);
    }
  });

  it("brings a detection made on a smaller picture onto the requested canvas", () => {
    const requested = figure("hand-on-hip");
    // What a detector reports on the picture shown at half size.
    const half: Pose = {
      canvasWidth: 256,
      canvasHeight: 384,
      people: requested.people.map((p) => ({ ...p, body: p.body.map((k) => k && { ...k, x: k.x / 2, y: k.y / 2 }) })),
    };
    expect(poseScore(requested, half)).toBeCloseTo(1, 6);
    // The same 40 px error at full size is 20 px on the half-size picture: the same score.
    const full = poseScore(requested, moved(requested, BODY.rightWrist, 40, 0))!;
    expect(poseScore(requested, moved(half, BODY.rightWrist, 20, 0))).toBeCloseTo(full, 6);
    expect(full).toBeLessThan(1);
  });

  it("is 0 when nobody was detected", () => {
    expect(poseScore(figure("front-neutral"), { canvasWidth: 512, canvasHeight: 768, people: [] })).toBe(0);
  });
});
