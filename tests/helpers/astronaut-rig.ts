// The astronaut fixture's own pose (upper body; hips and legs out of frame), placed by hand on
// tests/fixtures/astronaut.png (512×512) joint by joint, and OpenPose documents to send it in.
import { env } from "cloudflare:workers";
import { BODY, BODY_POINTS, type Slot } from "../../shared/pose/model";

const placed: Partial<Record<keyof typeof BODY, [number, number]>> = {
  nose: [222, 140],
  neck: [215, 295],
  rightShoulder: [85, 300],
  rightElbow: [45, 440],
  rightWrist: [150, 495],
  leftShoulder: [345, 300],
  leftElbow: [360, 430],
  rightEye: [203, 120],
  leftEye: [245, 120],
  rightEar: [185, 135],
  leftEar: [275, 135],
};

/** The astronaut's 18 body points in the photo's pixels (missing ones null). */
export function astronautBody(): Slot[] {
  const body = Array<Slot>(BODY_POINTS).fill(null);
  for (const [name, [x, y]] of Object.entries(placed)) body[BODY[name as keyof typeof BODY]] = { x, y, c: 1 };
  return body;
}

/** An OpenPose document (sd-webui-controlnet's shape) of one body; no canvas when `canvas` is null. */
export function openPoseDoc(
  body: Slot[],
  canvas: { width: number; height: number } | null = { width: 512, height: 512 },
) {
  return JSON.stringify({
    people: [{ pose_keypoints_2d: body.flatMap((p) => (p ? [p.x, p.y, p.c] : [0, 0, 0])) }],
    ...(canvas ? { canvas_width: canvas.width, canvas_height: canvas.height } : {}),
  });
}

export const astronautCutout = () => new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG);

/** A file field for a form. */
export const asFile = (bytes: Uint8Array, name: string, type = "image/png") => new File([bytes], name, { type });
