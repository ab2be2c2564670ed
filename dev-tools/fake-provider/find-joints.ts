// The FAKE providers' pose detector (a test and demo tool): the fakes draw the skeleton they were
// given over their pictures pixel for pixel (pictures.ts, comfyui-render.ts), and ControlNet's
// drawing paints each body joint last, in its own colour (BODY_COLORS; limbs are dimmed to 60 %,
// shared/skeleton/draw-controlnet.ts). So the joints of the drawn skeleton are found again as the
// centres of their colours. Backgrounds never match: their channels stay within 20–237 while every
// joint colour has a 0 or 255 channel. What comes back is OpenPose JSON as the real detectors
// write it (the callers shape the answer each server gives).
import { PhotonImage } from "@cf-wasm/photon";
import { BODY_COLORS } from "../../shared/pose/model";

/** One frame of OpenPose JSON: people with flattened [x, y, confidence] body points, in pixels. */
export interface FoundPose {
  people: {
    pose_keypoints_2d: number[];
    face_keypoints_2d: null;
    hand_left_keypoints_2d: null;
    hand_right_keypoints_2d: null;
  }[];
  canvas_width: number;
  canvas_height: number;
}

/** The pose drawn in `png` (one person, or nobody when no joint colour is there). */
export function findJoints(png: Uint8Array): FoundPose {
  const photo = PhotonImage.new_from_byteslice(png);
  let width: number, height: number, rgba: Uint8Array;
  try {
    [width, height, rgba] = [photo.get_width(), photo.get_height(), photo.get_raw_pixels()];
  } finally {
    photo.free();
  }
  const key = (r: number, g: number, b: number) => (r << 16) | (g << 8) | b;
  const joint = new Map(BODY_COLORS.map((c, i) => [key(c[0], c[1], c[2]), i]));
  const sums = BODY_COLORS.map(() => ({ x: 0, y: 0, n: 0 }));
  for (let y = 0, o = 0; y < height; y++)
    for (let x = 0; x < width; x++, o += 4) {
      const i = joint.get(key(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!));
      if (i === undefined) continue;
      const s = sums[i]!;
      s.x += x;
      s.y += y;
      s.n++;
    }
  // A stray pixel or two of a colour is no joint (hand edges use other hues, but may graze one).
  const points = sums.map((s) => (s.n >= 4 ? [s.x / s.n, s.y / s.n, 1] : [0, 0, 0]));
  const found = points.some((p) => p[2] === 1);
  return {
    people: found
      ? [
          {
            pose_keypoints_2d: points.flat(),
            face_keypoints_2d: null,
            hand_left_keypoints_2d: null,
            hand_right_keypoints_2d: null,
          },
        ]
      : [],
    canvas_width: width,
    canvas_height: height,
  };
}
