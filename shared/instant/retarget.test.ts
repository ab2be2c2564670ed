import { describe, expect, it } from "vitest";
import {
  asPose,
  degreesBetween,
  detectedBody,
  hide,
  len,
  point,
  stockyBody,
  tallBody,
  vec,
} from "../../tests/helpers/instant-bodies";
import { BODY, emptyPerson } from "../pose/model";
import { objectKeypointSimilarity } from "../pose/oks";
import { BODY_MIRROR, letterboxPose } from "../pose/transform";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure, PROPORTIONS } from "../templates/figure";
import { retargetedPerson, retargetPose } from "./retarget";

const J = BODY;
type Vec = { x: number; y: number };
const OUTPUT = { width: 768, height: 1024 };
const templates = BUILT_IN_TEMPLATES.map((t) => ({ slug: t.slug, pose: buildFigure(t.figure) }));
const template = (slug: string) => templates.find((t) => t.slug === slug)!.pose;
const bodies = { tall: tallBody(), stocky: stockyBody() };

/** The mid-hip (index -1) or a joint. */
const at = (joints: readonly (Vec | null)[], i: number): Vec | null => {
  if (i >= 0) return joints[i] ?? null;
  const [r, l] = [joints[J.rightHip], joints[J.leftHip]];
  return r && l ? { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 } : null;
};
// The bones the spec carries (mid-hip = -1), written out here rather than imported.
// prettier-ignore
const BONES: [number, number][] = [
  [-1, J.neck], [-1, J.rightHip], [-1, J.leftHip], [J.neck, J.rightShoulder], [J.neck, J.leftShoulder],
  [J.rightShoulder, J.rightElbow], [J.rightElbow, J.rightWrist], [J.leftShoulder, J.leftElbow],
  [J.leftElbow, J.leftWrist], [J.rightHip, J.rightKnee], [J.rightKnee, J.rightAnkle], [J.leftHip, J.leftKnee],
  [J.leftKnee, J.leftAnkle],
];
// The torso and each limb segment, both sides: the body's scale is read from these.
// prettier-ignore
const SCALE_GROUPS: [number, number][][] = [
  [[-1, J.neck]],
  [[J.rightShoulder, J.rightElbow], [J.leftShoulder, J.leftElbow]],
  [[J.rightElbow, J.rightWrist], [J.leftElbow, J.leftWrist]],
  [[J.rightHip, J.rightKnee], [J.leftHip, J.leftKnee]],
  [[J.rightKnee, J.rightAnkle], [J.leftKnee, J.leftAnkle]],
];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = 0.5 * (s.length - 1);
  const lo = Math.floor(k);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (k - lo);
};
const targetJoints = (pose: ReturnType<typeof template>, size = OUTPUT) =>
  letterboxPose(pose, size.width, size.height).people[0]!.body.map((p) => (p ? point(p) : null));

describe("retargetPose: identity", () => {
  const cases = [
    { name: "a drawn figure", person: bodies.stocky, width: 600, height: 900 },
    { name: "a detected photo pose", ...detectedBody() },
  ];
  for (const { name, person, width, height } of cases) {
    it(`gives ${name} its own joints back (within 0.5 px) when it is the target`, () => {
      expect(person.body.every((p) => p !== null)).toBe(true);
      const r = retargetPose(person, asPose(person, width, height), { width, height });
      expect(r.given).toEqual(Array(18).fill(true));
      r.joints.forEach((p, i) => expect(len(vec(p, point(person.body[i]))), `joint ${i}`).toBeLessThan(0.5));
      expect(r.head.angle).toBeCloseTo(0, 6);
      expect(r.head.scale).toBeCloseTo(1, 6);
    });
  }
});

describe("retargetPose: every built-in template on two differently proportioned bodies", () => {
  for (const [bodyName, avatar] of Object.entries(bodies)) {
    for (const { slug, pose } of templates) {
      it(`${slug} on the ${bodyName} body: target directions, the avatar's lengths within the clamp`, () => {
        const r = retargetPose(avatar, pose, OUTPUT);
        expect(r.joints).toHaveLength(18);
        for (const p of r.joints) {
          expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
          expect(p.x).toBeGreaterThan(-0.5 * OUTPUT.width);
          expect(p.x).toBeLessThan(1.5 * OUTPUT.width);
          expect(p.y).toBeGreaterThan(-0.5 * OUTPUT.height);
          expect(p.y).toBeLessThan(1.5 * OUTPUT.height);
        }
        const target = targetJoints(pose);
        const source = avatar.body.map((p) => point(p));
        const visible = BONES.filter(([a, b]) => at(target, a) && at(target, b));
        expect(visible.length).toBeGreaterThanOrEqual(12);
        const ratio = (bone: [number, number], joints: readonly (Vec | null)[]) =>
          len(vec(at(joints, bone[0])!, at(joints, bone[1])!)) / len(vec(at(source, bone[0])!, at(source, bone[1])!));
        // g: the median over the torso and each limb segment (its longer side in either pose).
        const longer = (bones: [number, number][], joints: readonly (Vec | null)[]) =>
          Math.max(
            ...bones.map(([a, b]) => (at(joints, a) && at(joints, b) ? len(vec(at(joints, a)!, at(joints, b)!)) : 0)),
          );
        const g = median(
          SCALE_GROUPS.filter((group) => longer(group, target) > 0).map(
            (group) => longer(group, target) / longer(group, source),
          ),
        );
        // Output length / avatar length = g · clamp(r/g, 0.6, 1.1) · one placement scale for all bones.
        const placement = visible.map((b) => {
          const r_b = ratio(b, target);
          return ratio(b, r.joints) / (g * Math.min(Math.max(r_b / g, 0.6), 1.1));
        });
        for (const s of placement) expect(s / placement[0]!).toBeCloseTo(1, 6);
        expect(placement[0]).toBeGreaterThan(0.8);
        expect(placement[0]).toBeLessThan(1.25);
        for (const [a, b] of visible) {
          const want = vec(at(target, a)!, at(target, b)!);
          const got = vec(at(r.joints, a)!, at(r.joints, b)!);
          expect(Math.abs(degreesBetween(want, got)), `bone ${a}→${b}`).toBeLessThan(1);
        }
      });
    }
  }
});

describe("retargetPose: fidelity to the template", () => {
  const avatars = { ...bodies, detected: detectedBody().person };
  for (const [name, avatar] of Object.entries(avatars)) {
    it(`keeps the ${name} avatar's OKS against the templates ≥ 0.75 on average (output size, letterboxed)`, () => {
      const size = { width: 640, height: 640 };
      const scores = templates.map(({ pose }) => {
        const reference = { ...emptyPerson(), body: letterboxPose(pose, size.width, size.height).people[0]!.body };
        return objectKeypointSimilarity(reference, retargetedPerson(retargetPose(avatar, pose, size)))!;
      });
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(mean).toBeGreaterThanOrEqual(0.75);
      expect(Math.min(...scores)).toBeGreaterThan(0.5);
    });
  }
});

describe("retargetPose: missing joints", () => {
  it("places a hidden target limb at the avatar's own angle to its parent bone", () => {
    const avatar = bodies.tall;
    const pose = template("wave");
    const hidden = [J.leftElbow, J.leftWrist, J.rightKnee, J.rightAnkle];
    const r = retargetPose(avatar, asPose(hide(pose.people[0]!, hidden), 512, 768), OUTPUT);
    hidden.forEach((j) => expect(r.given[j]).toBe(false));
    expect(r.given.filter(Boolean)).toHaveLength(14);
    const src = avatar.body.map((p) => point(p));
    const angle = (joints: readonly (Vec | null)[], a: number, b: number, c: number) =>
      degreesBetween(vec(at(joints, a)!, at(joints, b)!), vec(at(joints, b)!, at(joints, c)!));
    for (const [a, b, c] of [
      [J.neck, J.leftShoulder, J.leftElbow],
      [J.leftShoulder, J.leftElbow, J.leftWrist],
      [-1, J.rightHip, J.rightKnee],
      [J.rightHip, J.rightKnee, J.rightAnkle],
    ] as const) {
      expect(Math.abs(angle(r.joints, a, b, c) - angle(src, a, b, c)), `${a}→${b}→${c}`).toBeLessThan(1);
    }
    // The waving arm itself is hidden, so the left arm no longer points up like the template's.
    expect(r.joints[J.leftWrist]!.y).toBeGreaterThan(r.joints[J.leftShoulder]!.y);
  });

  it("gives a half-body avatar (no knees, no ankles) legs of standard proportions", () => {
    const avatar = hide(bodies.tall, [J.rightKnee, J.rightAnkle, J.leftKnee, J.leftAnkle]);
    const r = retargetPose(avatar, template("front-neutral"), OUTPUT);
    const j = r.joints;
    const torso = len(vec(at(j, -1)!, j[J.neck]!));
    for (const [hip, knee, ankle] of [
      [J.rightHip, J.rightKnee, J.rightAnkle],
      [J.leftHip, J.leftKnee, J.leftAnkle],
    ] as const) {
      expect(j[knee]!.y).toBeGreaterThan(j[hip]!.y + 0.5 * torso);
      expect(j[ankle]!.y).toBeGreaterThan(j[knee]!.y + 0.5 * torso);
      expect(len(vec(j[hip]!, j[knee]!)) / torso).toBeCloseTo(PROPORTIONS.thigh / PROPORTIONS.torso, 1);
      expect(len(vec(j[knee]!, j[ankle]!)) / torso).toBeCloseTo(PROPORTIONS.shin / PROPORTIONS.torso, 1);
    }
  });

  it("gives an avatar without hips a torso of standard length, hanging below its shoulders", () => {
    const avatar = hide(bodies.tall, [J.rightHip, J.leftHip, J.rightKnee, J.rightAnkle, J.leftKnee, J.leftAnkle]);
    const r = retargetPose(avatar, template("front-neutral"), OUTPUT);
    const j = r.joints;
    const shoulders = len(vec(j[J.rightShoulder]!, j[J.leftShoulder]!));
    const torso = vec(j[J.neck]!, at(j, -1)!);
    expect(Math.abs(degreesBetween({ x: 0, y: 1 }, torso))).toBeLessThan(3);
    expect(len(torso) / shoulders).toBeCloseTo(PROPORTIONS.torso / (2 * PROPORTIONS.shoulderHalf), 1);
    expect(j.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it("bends a hidden elbow between the shoulder and the given wrist, as the avatar's arm bends", () => {
    const target = template("hand-on-hip");
    const r = retargetPose(bodies.tall, asPose(hide(target.people[0]!, [J.rightElbow]), 512, 768), OUTPUT);
    expect(r.given[J.rightElbow]).toBe(false);
    const want = targetJoints(target);
    // The wrist still points where the template's does, seen from the shoulder…
    const reach = vec(r.joints[J.rightShoulder]!, r.joints[J.rightWrist]!);
    const wanted = vec(want[J.rightShoulder]!, want[J.rightWrist]!);
    expect(Math.abs(degreesBetween(wanted, reach))).toBeLessThan(3);
    // …and the elbow bends outward, to the same side as the template's.
    const side = (s: Vec, e: Vec, w: Vec) => Math.sign((w.x - s.x) * (e.y - s.y) - (w.y - s.y) * (e.x - s.x));
    const j = r.joints;
    expect(side(j[J.rightShoulder]!, j[J.rightElbow]!, j[J.rightWrist]!)).toBe(
      side(want[J.rightShoulder]!, want[J.rightElbow]!, want[J.rightWrist]!),
    );
  });

  it("takes a hidden neck from the shoulders, and places every joint for a target with one joint or no person", () => {
    const neckless = retargetPose(bodies.tall, asPose(hide(template("wave").people[0]!, [J.neck]), 512, 768), OUTPUT);
    const want = targetJoints(template("wave"));
    expect(len(vec(neckless.joints[J.neck]!, want[J.neck]!))).toBeLessThan(0.05 * OUTPUT.height);
    const only = emptyPerson();
    only.body[J.nose] = { x: 256, y: 100, c: 1 };
    for (const target of [asPose(only, 512, 768), { canvasWidth: 512, canvasHeight: 768, people: [] }]) {
      const r = retargetPose(bodies.tall, target, OUTPUT);
      expect(r.joints.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
      const ys = r.joints.map((p) => p.y);
      // The avatar stands upright, as tall as most of the output.
      expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.5 * OUTPUT.height);
      expect(r.joints[J.neck]!.y).toBeLessThan(r.joints[J.rightAnkle]!.y);
    }
  });

  it("hangs a hidden arm outward in a back view too (the avatar's angles mirrored)", () => {
    // Left and right labels swapped, points kept: the template seen from behind.
    const front = template("front-neutral").people[0]!;
    const back = { ...front, body: BODY_MIRROR.map((i) => front.body[i] ?? null) };
    const r = retargetPose(bodies.tall, asPose(hide(back, [J.leftElbow, J.leftWrist]), 512, 768), OUTPUT);
    const j = r.joints;
    expect(j[J.leftShoulder]!.x).toBeLessThan(j[J.rightShoulder]!.x);
    expect(j[J.leftWrist]!.y).toBeGreaterThan(j[J.leftElbow]!.y);
    expect(j[J.leftElbow]!.y).toBeGreaterThan(j[J.leftShoulder]!.y);
    expect(j[J.leftWrist]!.x).toBeLessThan(j[J.leftShoulder]!.x + 5);
  });
});
