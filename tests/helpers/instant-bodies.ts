// Avatars for the instant engine's tests: the standard figure redrawn with other proportions,
// a real detected pose, and small geometry to measure bones and angles.
import fixture from "../fixtures/messi5.landmarks.json";
import { mediapipeToOpenPose, type Landmark } from "../../shared/pose/mediapipe";
import {
  BODY,
  DRAWN_LIMBS,
  emptyPerson,
  LIMBS,
  type Keypoint,
  type Pose,
  type PosePerson,
} from "../../shared/pose/model";
import { buildFigure } from "../../shared/templates/figure";

const J = BODY;
type Vec = { x: number; y: number };

/** OpenPose's limb tree (rooted at the neck): the first 17 limbs, parent first. */
const PARENT_OF: Record<number, number> = Object.fromEntries(LIMBS.slice(0, DRAWN_LIMBS).map(([a, b]) => [b, a]));
const ORDER = [0, 2, 5, 8, 11, 3, 6, 9, 12, 4, 7, 10, 13, 14, 15, 16, 17];

/** The standard figure standing straight, arms hanging, on a 600×900 cut-out. */
export const standingFigure = (): PosePerson =>
  buildFigure(
    {
      rightArm: { angles: [-7, -4] },
      leftArm: { angles: [7, 4] },
      rightLeg: { angles: [-3, -1] },
      leftLeg: { angles: [3, 1] },
    },
    600,
    900,
  ).people[0]!;

/** The person with each joint's bone to its parent scaled by `factor(joint)`, all else kept. */
export function reproportion(person: PosePerson, factor: (joint: number) => number): PosePerson {
  const out = emptyPerson();
  out.body[J.neck] = person.body[J.neck]!;
  for (const j of ORDER) {
    const p = PARENT_OF[j]!;
    const [a, b, q] = [person.body[p]!, person.body[j]!, out.body[p]!];
    out.body[j] = { x: q.x + (b.x - a.x) * factor(j), y: q.y + (b.y - a.y) * factor(j), c: 1 };
  }
  return out;
}

const LEGS = new Set<number>([J.rightKnee, J.rightAnkle, J.leftKnee, J.leftAnkle]);
const ARMS = new Set<number>([J.rightElbow, J.rightWrist, J.leftElbow, J.leftWrist]);
const FACE = new Set<number>([J.nose, J.rightEye, J.leftEye, J.rightEar, J.leftEar]);

/** Long legs, short arms, a small head. */
export const tallBody = () =>
  reproportion(standingFigure(), (j) => (LEGS.has(j) ? 1.15 : ARMS.has(j) ? 0.92 : FACE.has(j) ? 0.9 : 1));
/** Short legs, long arms, broad shoulders, a big head. */
export const stockyBody = () =>
  reproportion(standingFigure(), (j) =>
    LEGS.has(j)
      ? 0.85
      : ARMS.has(j)
        ? 1.05
        : FACE.has(j)
          ? 1.2
          : j === J.rightShoulder || j === J.leftShoulder
            ? 1.15
            : 1,
  );

/** A real pose: MediaPipe's landmarks on messi5.jpg (548×342), mid-stride. */
export function detectedBody(): { person: PosePerson; width: number; height: number } {
  const f = fixture as { imageWidth: number; imageHeight: number; landmarks: Landmark[] };
  return {
    person: mediapipeToOpenPose(f.landmarks, f.imageWidth, f.imageHeight),
    width: f.imageWidth,
    height: f.imageHeight,
  };
}

/** One person as a pose on a canvas. */
export const asPose = (person: PosePerson, canvasWidth: number, canvasHeight: number): Pose => ({
  canvasWidth,
  canvasHeight,
  people: [person],
});

/** A copy of the person with some joints hidden. */
export function hide(person: PosePerson, joints: number[]): PosePerson {
  const copy = structuredClone(person);
  for (const j of joints) copy.body[j] = null;
  return copy;
}

export const vec = (a: Vec, b: Vec): Vec => ({ x: b.x - a.x, y: b.y - a.y });
export const len = (v: Vec) => Math.hypot(v.x, v.y);
/** The signed angle from v to w, degrees in (−180, 180]. */
export function degreesBetween(v: Vec, w: Vec): number {
  const d = ((Math.atan2(w.y, w.x) - Math.atan2(v.y, v.x)) * 180) / Math.PI;
  return ((((d + 180) % 360) + 360) % 360) - 180;
}
export const point = (p: Keypoint | null | undefined): Vec => ({ x: p!.x, y: p!.y });
