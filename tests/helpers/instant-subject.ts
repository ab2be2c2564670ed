// A synthetic subject for the instant pose engine: a textured figure (thick limbs, a head with a
// face of three pure-colour markers) drawn from a known built-in-style pose, as a cut-out RGBA
// plus its pose; and builders of RetargetedPose values (arms up, stride, lean, …) made by rotating
// the subject's own joints, so bone lengths stay the avatar's.
import type { AvatarRig, RetargetedPose } from "../../shared/instant/contract";
import { BODY, type Keypoint, type PosePerson } from "../../shared/pose/model";
import { capsule, createMask, ellipse, fillPolygon, type Mask, type Point } from "../../shared/raster/mask";
import { buildFigure, type Figure } from "../../shared/templates/figure";

export const STANDING: Figure = {
  rightArm: { angles: [-20, -10] },
  leftArm: { angles: [20, 10] },
  rightLeg: { angles: [-4, 0] },
  leftLeg: { angles: [4, 0] },
};

/** Face markers: pure colours no other texture uses. */
export const MARKERS = {
  rightEye: [0, 255, 0],
  leftEye: [0, 0, 255],
  mouth: [255, 0, 0],
} as const;

type Paint = (x: number, y: number) => [number, number, number];

const checker: Paint = (x, y) => ((Math.floor(x / 9) + Math.floor(y / 9)) % 2 ? [60, 90, 170] : [220, 190, 80]);
const stripes: Paint = (x, y) =>
  (Math.floor((x + y) / 7) % 2 === 0 ? [200, 110, 90] : [120, 60, 50]) as [number, number, number];
const trousers: Paint = (x, y) => (Math.floor((x - y * 0.5) / 8) % 2 ? [70, 70, 90] : [130, 130, 150]);
const skin: Paint = (x, y) => [215 + ((x * 7 + y * 3) % 20), 170 + ((x * 3 + y * 5) % 16), 140];

/** The subject at width × height: its cut-out and its pose. */
export function syntheticSubject(width = 400, height = 720, figure: Figure = STANDING): AvatarRig {
  const pose = buildFigure(figure, width, height, 0.1).people[0]!;
  const J = (i: number) => pose.body[i]! as Point;
  const unit = Math.hypot(J(BODY.nose).x - J(BODY.neck).x, J(BODY.nose).y - J(BODY.neck).y) / 0.85;
  const data = new Uint8ClampedArray(width * height * 4);
  const layer = (shapes: Point[][], paint: Paint) => {
    const m: Mask = createMask(width, height);
    for (const s of shapes) fillPolygon(m, s);
    for (let i = 0; i < width * height; i++) {
      if (!m.data[i]) continue;
      const [r, g, b] = paint(i % width, Math.floor(i / width));
      data.set([r, g, b, 255], i * 4);
    }
  };
  const limb = (a: number, b: number, c: number, r: number): Point[][] => [
    capsule(J(a), J(b), r),
    capsule(J(b), J(c), r * 0.85),
  ];
  const hipMid = { x: (J(BODY.rightHip).x + J(BODY.leftHip).x) / 2, y: (J(BODY.rightHip).y + J(BODY.leftHip).y) / 2 };
  layer([...limb(BODY.rightHip, BODY.rightKnee, BODY.rightAnkle, 0.32 * unit)], trousers);
  layer([...limb(BODY.leftHip, BODY.leftKnee, BODY.leftAnkle, 0.32 * unit)], trousers);
  const rs = J(BODY.rightShoulder);
  const ls = J(BODY.leftShoulder);
  const rh = J(BODY.rightHip);
  const lh = J(BODY.leftHip);
  layer(
    [
      [
        { x: rs.x - 0.1 * unit, y: rs.y - 0.15 * unit },
        { x: ls.x + 0.1 * unit, y: ls.y - 0.15 * unit },
        { x: lh.x + 0.3 * unit, y: lh.y + 0.2 * unit },
        { x: rh.x - 0.3 * unit, y: rh.y + 0.2 * unit },
      ],
      capsule(J(BODY.neck), hipMid, 0.35 * unit),
    ],
    checker,
  );
  const headCentre = { x: J(BODY.nose).x, y: J(BODY.nose).y - 0.1 * unit };
  layer(
    [ellipse(headCentre.x, headCentre.y, 0.42 * unit, 0.55 * unit), capsule(J(BODY.neck), headCentre, 0.2 * unit)],
    skin,
  );
  const dot = (p: Point, r: number, rgb: readonly number[]) =>
    layer([ellipse(p.x, p.y, r, r)], () => rgb as [number, number, number]);
  dot(J(BODY.rightEye), 0.07 * unit, MARKERS.rightEye);
  dot(J(BODY.leftEye), 0.07 * unit, MARKERS.leftEye);
  dot({ x: J(BODY.nose).x, y: J(BODY.nose).y + 0.22 * unit }, 0.08 * unit, MARKERS.mouth);
  for (const [s, e, w] of [
    [BODY.rightShoulder, BODY.rightElbow, BODY.rightWrist],
    [BODY.leftShoulder, BODY.leftElbow, BODY.leftWrist],
  ] as const) {
    const hand = { x: J(w).x + (J(w).x - J(e).x) * 0.3, y: J(w).y + (J(w).y - J(e).y) * 0.3 };
    layer([...limb(s, e, w, 0.24 * unit), ellipse(hand.x, hand.y, 0.2 * unit, 0.2 * unit)], stripes);
  }
  const person: PosePerson = { ...pose, body: pose.body.map((k) => (k ? ({ ...k } as Keypoint) : null)) };
  return { cutout: { width, height, data }, pose: person };
}

type Vec = { x: number; y: number };
const rotate = (p: Vec, pivot: Vec, angle: number): Vec => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const dx = p.x - pivot.x;
  const dy = p.y - pivot.y;
  return { x: pivot.x + c * dx - s * dy, y: pivot.y + s * dx + c * dy };
};

/** Rotates the joints `moved` about joint `pivot` by `degrees` (clockwise on screen). */
export function rotateJoints(t: RetargetedPose, pivot: number | Vec, moved: number[], degrees: number): RetargetedPose {
  const at = typeof pivot === "number" ? t.joints[pivot]! : pivot;
  const joints = t.joints.map((p, i) => (moved.includes(i) ? rotate(p, at, (degrees * Math.PI) / 180) : p));
  return { ...t, joints };
}

const RIGHT_ARM = [BODY.rightElbow, BODY.rightWrist];
const LEFT_ARM = [BODY.leftElbow, BODY.leftWrist];

/** Named test poses built from the subject's identity target. */
export function testPoses(identity: RetargetedPose): Record<string, RetargetedPose> {
  const hipMid = {
    x: (identity.joints[BODY.rightHip]!.x + identity.joints[BODY.leftHip]!.x) / 2,
    y: (identity.joints[BODY.rightHip]!.y + identity.joints[BODY.leftHip]!.y) / 2,
  };
  const upper = [0, 1, 2, 3, 4, 5, 6, 7, 14, 15, 16, 17];
  const lean = rotateJoints(identity, hipMid, upper, 12);
  return {
    armsUp: rotateJoints(rotateJoints(identity, BODY.rightShoulder, RIGHT_ARM, 140), BODY.leftShoulder, LEFT_ARM, -140),
    armAcross: {
      ...rotateJoints(
        rotateJoints(identity, BODY.rightShoulder, RIGHT_ARM, -25),
        BODY.rightElbow,
        [BODY.rightWrist],
        -100,
      ),
      armInFront: { left: false, right: true },
    },
    stride: rotateJoints(
      rotateJoints(identity, BODY.rightHip, [BODY.rightKnee, BODY.rightAnkle], 22),
      BODY.leftHip,
      [BODY.leftKnee, BODY.leftAnkle],
      -22,
    ),
    lean: { ...lean, head: { ...lean.head, angle: (12 * Math.PI) / 180 } },
    elbowsBent: rotateJoints(
      rotateJoints(identity, BODY.rightElbow, [BODY.rightWrist], 90),
      BODY.leftElbow,
      [BODY.leftWrist],
      -90,
    ),
  };
}
