// The person's mask for background replacement: from a segmentation (provider or the browser's
// cut-out) refined against the skeleton, or, with neither, the skeleton's body region itself.
import type { Pose } from "../pose/model";
import { at, faceOval, headCentre, headSize } from "../pose/body-geometry";
import type { Rgba } from "../raster/rgba";
import { capsule, createMask, ellipse, feather, fillPolygon, type Mask, type Point } from "../raster/mask";

const LIMBS: [string, string, number][] = [
  ["neck", "rightShoulder", 0.35],
  ["neck", "leftShoulder", 0.35],
  ["rightShoulder", "rightElbow", 0.3],
  ["rightElbow", "rightWrist", 0.26],
  ["leftShoulder", "leftElbow", 0.3],
  ["leftElbow", "leftWrist", 0.26],
  ["rightHip", "rightKnee", 0.38],
  ["rightKnee", "rightAnkle", 0.3],
  ["leftHip", "leftKnee", 0.38],
  ["leftKnee", "leftAnkle", 0.3],
  ["neck", "nose", 0.3],
];

/**
 * Where the body is, from the keypoints alone: head, torso and limbs as rounded shapes whose
 * thickness is `scale` × a typical build (below 1: the certain core; above 1: a generous outline).
 */
export function bodyRegionMask(pose: Pose, scale = 1): Mask {
  const mask = createMask(pose.canvasWidth, pose.canvasHeight);
  for (const person of pose.people) {
    const head = headSize(person);
    if (!head) continue;
    const p = (name: string) => at(person, name as Parameters<typeof at>[1]);
    const centre = headCentre(person);
    if (centre) fillPolygon(mask, ellipse(centre.x, centre.y - head * 0.1, head * 0.55 * scale, head * 0.75 * scale));
    const [shR, shL, hipR, hipL] = [p("rightShoulder"), p("leftShoulder"), p("rightHip"), p("leftHip")];
    if (shR && shL && hipR && hipL) {
      const d = head * 0.2 * scale;
      const grow = (q: Point, dx: number) => ({ x: q.x + dx, y: q.y });
      fillPolygon(mask, [grow(shR, -d), grow(shL, d), grow(hipL, d), grow(hipR, -d)]);
    }
    for (const [a, b, r] of LIMBS) {
      const [pa, pb] = [p(a), p(b)];
      if (pa && pb) fillPolygon(mask, capsule(pa, pb, head * r * scale));
    }
    for (const ankle of [p("rightAnkle"), p("leftAnkle")]) {
      // The foot: a little below and around the ankle.
      if (ankle) fillPolygon(mask, ellipse(ankle.x, ankle.y + head * 0.12, head * 0.35 * scale, head * 0.2 * scale));
    }
    const face = faceOval(person, head);
    if (face) fillPolygon(mask, ellipse(face.cx, face.cy, face.rx * scale, face.ry * scale));
  }
  return mask;
}

/** The alpha channel of a cut-out as a mask. */
export function alphaMask(image: Rgba): Mask {
  const mask = createMask(image.width, image.height);
  for (let i = 0; i < mask.data.length; i++) mask.data[i] = image.data[i * 4 + 3]!;
  return mask;
}

/** Sets every background pixel the border cannot reach (a hole inside the person) to the person. */
function fillHoles(mask: Mask) {
  const { width: w, height: h, data } = mask;
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  const push = (i: number) => {
    if (!outside[i] && data[i]! < 128) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) (push(x), push((h - 1) * w + x));
  for (let y = 0; y < h; y++) (push(y * w), push(y * w + w - 1));
  while (stack.length) {
    const i = stack.pop()!;
    const [x, y] = [i % w, (i / w) | 0];
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (y > 0) push(i - w);
    if (y < h - 1) push(i + w);
  }
  for (let i = 0; i < data.length; i++) if (!outside[i] && data[i]! < 128) data[i] = 255;
}

/**
 * A segmentation made trustworthy: the skeleton's core body is always kept (segmenters cut off
 * arms and feet), holes are filled, the edge is feathered by a pixel so it blends.
 */
export function refineMask(segmentation: Mask, pose: Pose | null): Mask {
  const mask = { ...segmentation, data: Uint8Array.from(segmentation.data) };
  if (pose) {
    const core = bodyRegionMask(pose, 0.6);
    for (let i = 0; i < mask.data.length; i++) mask.data[i] = Math.max(mask.data[i]!, core.data[i]!);
  }
  fillHoles(mask);
  return feather(mask, 1);
}

/** The bounding box [minX, minY, maxX, maxY] of a mask's covered pixels, or null when empty. */
function maskBox(mask: Mask): [number, number, number, number] | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < mask.height; y++)
    for (let x = 0; x < mask.width; x++)
      if (mask.data[y * mask.width + x]! >= 128) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

/**
 * The avatar's own cut-out laid onto a posed image: its silhouette scaled so its height matches
 * the skeleton's, centred on it, and kept only where the skeleton's generous outline allows
 * (the avatar was photographed in another pose).
 */
export function fitCutout(cutout: Mask, pose: Pose): Mask {
  const out = createMask(pose.canvasWidth, pose.canvasHeight);
  const outline = bodyRegionMask(pose, 1.5);
  const from = maskBox(cutout);
  const onto = maskBox(outline);
  if (!from || !onto) return outline;
  const [minX, minY, maxX, maxY] = from;
  const [pMinX, pMinY, pMaxX, pMaxY] = onto;
  const s = (pMaxY - pMinY) / Math.max(1, maxY - minY);
  const [cx, pcx] = [(minX + maxX) / 2, (pMinX + pMaxX) / 2];
  for (let y = 0; y < out.height; y++) {
    const sy = Math.round(minY + (y - pMinY) / s);
    if (sy < 0 || sy >= cutout.height) continue;
    for (let x = 0; x < out.width; x++) {
      const sx = Math.round(cx + (x - pcx) / s);
      if (sx < 0 || sx >= cutout.width) continue;
      const i = y * out.width + x;
      out.data[i] = Math.min(cutout.data[sy * cutout.width + sx]!, outline.data[i]!);
    }
  }
  return out;
}
