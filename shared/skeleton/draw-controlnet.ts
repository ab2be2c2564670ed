// The skeleton image exactly as ControlNet 1.1's openpose annotator draws it (draw_bodypose,
// draw_handpose, draw_facepose), which is what control_v11p_sd15_openpose was trained on.
// Points are normalised by the pose canvas and scaled to the output size, as the annotator does.
import { BODY_COLORS, BODY_POINTS, DRAWN_LIMBS, HAND_EDGES, LIMBS, type Pose, type Slot } from "../pose/model";
import { createImage, cvRound, type Rgb, type RgbImage } from "./raster";
import { ellipse2Poly, fillCircle, fillConvexPoly, thickLine } from "./raster-fill";

const STICK_WIDTH = 4;
const JOINT_RADIUS = 4;
const HAND_JOINT_RADIUS = 4;
const FACE_POINT_RADIUS = 3;
const EPS = 0.01;

export interface DrawOptions {
  width?: number;
  height?: number;
  body?: boolean;
  hands?: boolean;
  face?: boolean;
}

/** matplotlib's hsv_to_rgb(h, 1, 1) × 255, rounded the way OpenCV turns a Scalar into bytes. */
function rainbow(h: number): Rgb {
  const i = Math.trunc(h * 6);
  const f = h * 6 - i;
  const q = 1 - f;
  const rgb = [
    [1, f, 0],
    [q, 1, 0],
    [0, 1, f],
    [0, q, 1],
    [f, 0, 1],
    [1, 0, q],
  ][i % 6]!;
  return rgb.map((v) => Math.min(255, Math.max(0, cvRound(v * 255)))) as unknown as Rgb;
}

const HAND_COLORS = HAND_EDGES.map((_, i) => rainbow(i / HAND_EDGES.length));

/**
 * The annotator fills limbs, multiplies the canvas by 0.6 (uint8 truncation), then draws joints
 * at full colour. Fills overwrite and never blend, so every pixel before dimming is one limb's
 * colour or black: drawing limbs in pre-dimmed colours gives the same pixels without a pass
 * over the canvas.
 */
const DIMMED_COLORS = BODY_COLORS.map((c) => c.map((v) => Math.floor(v * 0.6)) as unknown as Rgb);

function drawBody(img: RgbImage, pose: Pose, W: number, H: number) {
  const nx = (p: NonNullable<Slot>) => (p.x / pose.canvasWidth) * W;
  const ny = (p: NonNullable<Slot>) => (p.y / pose.canvasHeight) * H;
  for (let i = 0; i < DRAWN_LIMBS; i++) {
    const [ia, ib] = LIMBS[i]!;
    for (const person of pose.people) {
      const a = person.body[ia];
      const b = person.body[ib];
      if (!a || !b) continue;
      const X0 = ny(a);
      const X1 = ny(b);
      const Y0 = nx(a);
      const Y1 = nx(b);
      const mX = (X0 + X1) / 2;
      const mY = (Y0 + Y1) / 2;
      const length = Math.sqrt((X0 - X1) ** 2 + (Y0 - Y1) ** 2);
      const angle = Math.atan2(X0 - X1, Y0 - Y1) * (180 / Math.PI);
      const polygon = ellipse2Poly(
        Math.trunc(mY),
        Math.trunc(mX),
        Math.trunc(length / 2),
        STICK_WIDTH,
        Math.trunc(angle),
        1,
      );
      fillConvexPoly(img, polygon, DIMMED_COLORS[i]!);
    }
  }
  for (let i = 0; i < BODY_POINTS; i++) {
    for (const person of pose.people) {
      const p = person.body[i];
      if (p) fillCircle(img, Math.trunc(nx(p)), Math.trunc(ny(p)), JOINT_RADIUS, BODY_COLORS[i]!);
    }
  }
}

function drawHands(img: RgbImage, pose: Pose, W: number, H: number) {
  const px = (p: Slot) =>
    p ? { x: Math.trunc((p.x / pose.canvasWidth) * W), y: Math.trunc((p.y / pose.canvasHeight) * H) } : null;
  const drawn = (q: { x: number; y: number } | null): q is { x: number; y: number } => !!q && q.x > EPS && q.y > EPS;
  for (const person of pose.people) {
    for (const hand of [person.leftHand, person.rightHand]) {
      if (!hand) continue;
      const pts = hand.map(px);
      HAND_EDGES.forEach(([a, b], i) => {
        const p = pts[a]!;
        const q = pts[b]!;
        if (drawn(p) && drawn(q)) thickLine(img, p, q, 2, HAND_COLORS[i]!);
      });
      for (const p of pts) if (drawn(p)) fillCircle(img, p.x, p.y, HAND_JOINT_RADIUS, [0, 0, 255]);
    }
  }
}

function drawFace(img: RgbImage, pose: Pose, W: number, H: number) {
  for (const person of pose.people) {
    for (const p of person.face ?? []) {
      if (!p) continue;
      const x = Math.trunc((p.x / pose.canvasWidth) * W);
      const y = Math.trunc((p.y / pose.canvasHeight) * H);
      if (x > EPS && y > EPS) fillCircle(img, x, y, FACE_POINT_RADIUS, [255, 255, 255]);
    }
  }
}

/** The ControlNet control image for a pose: black canvas, limbs, joints, hands, face. */
export function drawControlNetSkeleton(pose: Pose, options: DrawOptions = {}): RgbImage {
  const W = options.width ?? pose.canvasWidth;
  const H = options.height ?? pose.canvasHeight;
  const img = createImage(W, H);
  if (options.body !== false) drawBody(img, pose, W, H);
  if (options.hands !== false) drawHands(img, pose, W, H);
  if (options.face !== false) drawFace(img, pose, W, H);
  return img;
}
