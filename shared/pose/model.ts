// The OpenPose person as ControlNet sees it: 18 body points (COCO-18 order), optional 2×21 hand
// points and 70 face points, in pixels of a canvas. A missing point is null.

export interface Keypoint {
  x: number;
  y: number;
  /** Detection confidence, 0–1; 1 for points placed by hand. */
  c: number;
}

export type Slot = Keypoint | null;

export interface PosePerson {
  body: Slot[];
  face: Slot[] | null;
  leftHand: Slot[] | null;
  rightHand: Slot[] | null;
}

export interface Pose {
  canvasWidth: number;
  canvasHeight: number;
  people: PosePerson[];
}

export const BODY_POINTS = 18;
export const HAND_POINTS = 21;
export const FACE_POINTS = 70;

/** Body point names in OpenPose order; left/right are the subject's own. */
export const BODY_PART_NAMES = [
  "nose",
  "neck",
  "rightShoulder",
  "rightElbow",
  "rightWrist",
  "leftShoulder",
  "leftElbow",
  "leftWrist",
  "rightHip",
  "rightKnee",
  "rightAnkle",
  "leftHip",
  "leftKnee",
  "leftAnkle",
  "rightEye",
  "leftEye",
  "rightEar",
  "leftEar",
] as const;

export type BodyPart = (typeof BODY_PART_NAMES)[number];
export const BODY = Object.fromEntries(BODY_PART_NAMES.map((n, i) => [n, i])) as Record<BodyPart, number>;

/** ControlNet's limb list (0-based); only the first 17 are drawn. */
// prettier-ignore
export const LIMBS: readonly (readonly [number, number])[] = [
  [1, 2], [1, 5], [2, 3], [3, 4], [5, 6], [6, 7], [1, 8], [8, 9], [9, 10], [1, 11],
  [11, 12], [12, 13], [1, 0], [0, 14], [14, 16], [0, 15], [15, 17], [2, 16], [5, 17],
];
export const DRAWN_LIMBS = 17;

/** Colour of limb i and of joint i, RGB. */
// prettier-ignore
export const BODY_COLORS: readonly (readonly [number, number, number])[] = [
  [255, 0, 0], [255, 85, 0], [255, 170, 0], [255, 255, 0], [170, 255, 0], [85, 255, 0],
  [0, 255, 0], [0, 255, 85], [0, 255, 170], [0, 255, 255], [0, 170, 255], [0, 85, 255],
  [0, 0, 255], [85, 0, 255], [170, 0, 255], [255, 0, 255], [255, 0, 170], [255, 0, 85],
];

/** The 20 bones of a hand (wrist 0, then four points per finger). */
// prettier-ignore
export const HAND_EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [0, 9], [9, 10],
  [10, 11], [11, 12], [0, 13], [13, 14], [14, 15], [15, 16], [0, 17], [17, 18], [18, 19], [19, 20],
];

export const emptyPerson = (): PosePerson => ({
  body: Array<Slot>(BODY_POINTS).fill(null),
  face: null,
  leftHand: null,
  rightHand: null,
});
