import { describe, expect, it } from "vitest";
import fixture from "../../tests/fixtures/messi5.landmarks.json";
import { anatomyProblems } from "./anatomy";
import { mediapipeToOpenPose, type Landmark } from "./mediapipe";
import { BODY } from "./model";

const {
  imageWidth: W,
  imageHeight: H,
  landmarks,
} = fixture as { imageWidth: number; imageHeight: number; landmarks: Landmark[] };

describe("MediaPipe 33 → OpenPose 18 on real landmarks (messi5.jpg, detected in Chromium)", () => {
  const person = mediapipeToOpenPose(landmarks, W, H);
  const at = (i: number) => person.body[i]!;

  it("finds all 18 body points", () => {
    expect(person.body.every((p) => p !== null)).toBe(true);
  });

  it("maps each point from its MediaPipe landmark, in pixels", () => {
    const pairs: [number, number][] = [
      [BODY.nose, 0],
      [BODY.rightShoulder, 12],
      [BODY.rightElbow, 14],
      [BODY.rightWrist, 16],
      [BODY.leftShoulder, 11],
      [BODY.leftElbow, 13],
      [BODY.leftWrist, 15],
      [BODY.rightHip, 24],
      [BODY.rightKnee, 26],
      [BODY.rightAnkle, 28],
      [BODY.leftHip, 23],
      [BODY.leftKnee, 25],
      [BODY.leftAnkle, 27],
      [BODY.rightEye, 5],
      [BODY.leftEye, 2],
      [BODY.rightEar, 8],
      [BODY.leftEar, 7],
    ];
    for (const [op, mp] of pairs) {
      expect(at(op).x).toBeCloseTo(landmarks[mp]!.x * W, 9);
      expect(at(op).y).toBeCloseTo(landmarks[mp]!.y * H, 9);
      expect(at(op).c).toBe(landmarks[mp]!.visibility);
    }
  });

  it("puts the neck between the shoulders with the lower shoulder visibility", () => {
    expect(at(BODY.neck).x).toBeCloseTo((at(BODY.leftShoulder).x + at(BODY.rightShoulder).x) / 2, 9);
    expect(at(BODY.neck).y).toBeCloseTo((at(BODY.leftShoulder).y + at(BODY.rightShoulder).y) / 2, 9);
    expect(at(BODY.neck).c).toBe(Math.min(landmarks[11]!.visibility!, landmarks[12]!.visibility!));
  });

  it("keeps the subject's own sides: facing the camera, the right shoulder is on screen left", () => {
    expect(at(BODY.rightShoulder).x).toBeLessThan(at(BODY.leftShoulder).x);
    expect(at(BODY.rightEye).x).toBeLessThan(at(BODY.leftEye).x);
  });

  it("gives a plausible body (head above neck above hips)", () => {
    const problems = anatomyProblems(person, { canvasWidth: W, canvasHeight: H });
    expect(problems.filter((p) => /upside down|head is below|twisted|off the canvas/.test(p))).toEqual([]);
  });

  it("drops landmarks below the visibility threshold", () => {
    const dim = landmarks.map((l, i) => (i === 16 ? { ...l, visibility: 0.2 } : l));
    expect(mediapipeToOpenPose(dim, W, H).body[BODY.rightWrist]).toBeNull();
    expect(() => mediapipeToOpenPose(landmarks.slice(0, 30), W, H)).toThrow(/33/);
  });
});
