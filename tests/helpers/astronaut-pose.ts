// The person's pose in tests/fixtures/astronaut.cutout.png (512 × 512, half body), placed by hand
// from the picture: OpenPose-18 order, hips and legs out of frame, the left wrist hidden behind the
// helmet she holds.
import type { PosePerson, Slot } from "../../shared/pose/model";

const at = (x: number, y: number): Slot => ({ x, y, c: 1 });

export const ASTRONAUT_POSE: PosePerson = {
  body: [
    at(222, 130), // nose
    at(215, 238), // neck
    at(92, 252), // right shoulder
    at(52, 420), // right elbow
    at(140, 495), // right wrist
    at(335, 252), // left shoulder
    at(362, 430), // left elbow
    null, // left wrist
    null,
    null,
    null,
    null,
    null,
    null,
    at(198, 106), // right eye
    at(246, 105), // left eye
    at(168, 115), // right ear
    at(282, 112), // left ear
  ],
  face: null,
  leftHand: null,
  rightHand: null,
};
