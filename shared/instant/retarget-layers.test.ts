import { describe, expect, it } from "vitest";
import { asPose, degreesBetween, hide, len, point, tallBody, vec } from "../../tests/helpers/instant-bodies";
import { BODY, type PosePerson } from "../pose/model";
import { BODY_MIRROR, rotateScalePose } from "../pose/transform";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import { retargetPose } from "./retarget";

const J = BODY;
const OUTPUT = { width: 512, height: 768 };
const FACE = [J.nose, J.rightEye, J.leftEye, J.rightEar, J.leftEar];
const avatar = tallBody();
const person = (slug: string) => buildFigure(BUILT_IN_TEMPLATES.find((t) => t.slug === slug)!.figure).people[0]!;
const retarget = (target: PosePerson) => retargetPose(avatar, asPose(target, 512, 768), OUTPUT);
const deg = (radians: number) => (radians * 180) / Math.PI;

/** The person with its face points turned about the neck by `degrees` (clockwise on screen). */
function turnHead(p: PosePerson, degrees: number): PosePerson {
  const copy = structuredClone(p);
  const neck = p.body[J.neck]!;
  const a = (degrees * Math.PI) / 180;
  for (const f of FACE) {
    const q = p.body[f];
    if (!q) continue;
    const [dx, dy] = [q.x - neck.x, q.y - neck.y];
    copy.body[f] = {
      x: neck.x + dx * Math.cos(a) - dy * Math.sin(a),
      y: neck.y + dx * Math.sin(a) + dy * Math.cos(a),
      c: 1,
    };
  }
  return copy;
}
/** The person with one point moved. */
function moved(p: PosePerson, joint: number, dx: number, dy = 0): PosePerson {
  const copy = structuredClone(p);
  copy.body[joint] = { x: p.body[joint]!.x + dx, y: p.body[joint]!.y + dy, c: 1 };
  return copy;
}
/** Left and right labels swapped, points kept: the same outline seen from behind. */
const fromBehind = (p: PosePerson): PosePerson => ({ ...p, body: BODY_MIRROR.map((i) => p.body[i] ?? null) });

describe("retargetPose: the head", () => {
  it("turns the head rigidly by the template's head tilt, at the body's scale", () => {
    const r = retarget(turnHead(person("front-neutral"), 30));
    expect(deg(r.head.angle)).toBeCloseTo(30, 0);
    // The contract's head transform is the one the face points were placed with.
    const src = avatar.body;
    for (const f of FACE) {
      const a = r.head.angle;
      const [dx, dy] = [src[f]!.x - src[J.neck]!.x, src[f]!.y - src[J.neck]!.y];
      const want = {
        x: r.joints[J.neck]!.x + r.head.scale * (dx * Math.cos(a) - dy * Math.sin(a)),
        y: r.joints[J.neck]!.y + r.head.scale * (dx * Math.sin(a) + dy * Math.cos(a)),
      };
      expect(len(vec(want, r.joints[f]!))).toBeLessThan(1e-6);
    }
    // Scale: the body's (torso output/avatar) within the head's ±10 %.
    const torso = (b: { x: number; y: number }[]) =>
      len(
        vec(b[J.neck]!, { x: (b[J.rightHip]!.x + b[J.leftHip]!.x) / 2, y: (b[J.rightHip]!.y + b[J.leftHip]!.y) / 2 }),
      );
    const body = torso(r.joints) / torso(src.map((p) => point(p)));
    expect(r.head.scale / body).toBeGreaterThan(0.85);
    expect(r.head.scale / body).toBeLessThan(1.15);
  });

  it("keeps the head within 45° of the torso", () => {
    expect(deg(retarget(turnHead(person("front-neutral"), 80)).head.angle)).toBeCloseTo(45, 6);
    expect(deg(retarget(turnHead(person("front-neutral"), -100)).head.angle)).toBeCloseTo(-45, 6);
  });

  it("follows the neck→nose angle with the nose alone, and the torso with no face at all", () => {
    const leaning = rotateScalePose(asPose(person("front-neutral"), 512, 768), 20, 1).people[0]!;
    const noseOnly = retarget(hide(turnHead(leaning, 10), [J.rightEye, J.leftEye, J.rightEar, J.leftEar]));
    expect(deg(noseOnly.head.angle)).toBeCloseTo(30, 0);
    const faceless = retarget(hide(leaning, FACE));
    expect(deg(faceless.head.angle)).toBeCloseTo(20, 0);
    FACE.forEach((f) => expect(faceless.given[f]).toBe(false));
  });
});

describe("retargetPose: which side is near", () => {
  const front = person("front-neutral");
  it("is the side of the only visible ear, else of the only visible eye", () => {
    expect(retarget(hide(front, [J.rightEar])).leftIsNear).toBe(true);
    expect(retarget(hide(front, [J.leftEar])).leftIsNear).toBe(false);
    expect(retarget(hide(front, [J.rightEar, J.leftEar, J.rightEye])).leftIsNear).toBe(true);
    expect(retarget(hide(front, [J.rightEar, J.leftEar, J.leftEye])).leftIsNear).toBe(false);
  });

  it("with both ears, follows the nose: facing the screen's left shows the left side in a front view", () => {
    expect(retarget(moved(front, J.nose, -12)).leftIsNear).toBe(true);
    expect(retarget(moved(front, J.nose, 12)).leftIsNear).toBe(false);
    expect(retarget(fromBehind(moved(front, J.nose, -12))).leftIsNear).toBe(false);
  });
});

describe("retargetPose: arms in front of the torso", () => {
  it("puts folded arms in front and hanging arms not", () => {
    expect(retarget(person("arms-crossed")).armInFront).toEqual({ left: true, right: true });
    expect(retarget(person("front-neutral")).armInFront).toEqual({ left: false, right: false });
  });

  it("puts one forearm across the belly in front, the other arm not", () => {
    const p = person("front-neutral");
    const belly = { x: (p.body[J.rightHip]!.x + p.body[J.leftHip]!.x) / 2, y: p.body[J.rightHip]!.y - 40 };
    const across = moved(p, J.rightWrist, belly.x - p.body[J.rightWrist]!.x, belly.y - p.body[J.rightWrist]!.y);
    expect(retarget(across).armInFront).toEqual({ left: false, right: true });
  });

  it("puts an arm behind when its wrist is hidden, and every arm behind in a back view", () => {
    // An avatar with folded arms: the hidden wrist keeps its angle, so the forearm still lies across the body.
    const folded = person("arms-crossed");
    const r = retargetPose(folded, asPose(hide(folded, [J.leftWrist]), 512, 768), OUTPUT);
    const wrist = r.joints[J.leftWrist]!;
    expect(wrist.x).toBeGreaterThan(r.joints[J.rightShoulder]!.x);
    expect(wrist.x).toBeLessThan(r.joints[J.leftShoulder]!.x);
    expect(wrist.y).toBeLessThan(r.joints[J.leftHip]!.y);
    expect(r.armInFront).toEqual({ left: false, right: true });
    expect(retarget(fromBehind(person("arms-crossed"))).armInFront).toEqual({ left: false, right: false });
  });

  it("bends the retargeted arm with the target (angles checked against the template)", () => {
    const target = person("arms-crossed");
    const r = retarget(target);
    const want = vec(point(target.body[J.leftElbow]), point(target.body[J.leftWrist]));
    expect(Math.abs(degreesBetween(want, vec(r.joints[J.leftElbow]!, r.joints[J.leftWrist]!)))).toBeLessThan(1);
  });
});
