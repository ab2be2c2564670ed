// MediaPipe Pose's 33 landmarks → the OpenPose body ControlNet expects.
import { BODY_POINTS, emptyPerson, type Keypoint, type PosePerson } from "./model";

/** A MediaPipe landmark: x, y normalised to the image; visibility 0–1. */
export interface Landmark {
  x: number;
  y: number;
  z?: number;
  visibility?: number;
}

/** OpenPose index ← MediaPipe index (the neck, 1, is the shoulders' midpoint). */
const FROM_MEDIAPIPE: Record<number, number> = {
  0: 0,
  2: 12,
  3: 14,
  4: 16,
  5: 11,
  6: 13,
  7: 15,
  8: 24,
  9: 26,
  10: 28,
  11: 23,
  12: 25,
  13: 27,
  14: 5,
  15: 2,
  16: 8,
  17: 7,
};

/**
 * Converts one person's MediaPipe landmarks to an OpenPose body on a width×height canvas.
 * Landmarks below `minVisibility` or outside the image become missing.
 */
export function mediapipeToOpenPose(
  landmarks: Landmark[],
  width: number,
  height: number,
  minVisibility = 0.5,
): PosePerson {
  if (landmarks.length !== 33) throw new Error(`MediaPipe Pose gives 33 landmarks, not ${landmarks.length}`);
  const person = emptyPerson();
  const toPoint = (l: Landmark, c = l.visibility ?? 1): Keypoint | null => {
    if (c < minVisibility || l.x < 0 || l.x > 1 || l.y < 0 || l.y > 1) return null;
    return { x: l.x * width, y: l.y * height, c };
  };
  for (let i = 0; i < BODY_POINTS; i++) {
    if (i === 1) continue;
    person.body[i] = toPoint(landmarks[FROM_MEDIAPIPE[i]!]!);
  }
  const [l, r] = [landmarks[11]!, landmarks[12]!];
  const neckVisibility = Math.min(l.visibility ?? 1, r.visibility ?? 1);
  person.body[1] = toPoint({ x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 }, neckVisibility);
  return person;
}
