// Masks for inpainting: one byte per pixel (0 keep, 255 repaint), filled from simple shapes,
// feathered so the repainted region blends in, written out as a PNG the providers accept.
import { encodePng } from "../skeleton/png";
import { createImage } from "../skeleton/raster";

export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

export const createMask = (width: number, height: number): Mask => ({
  width,
  height,
  data: new Uint8Array(width * height),
});

/** Sets (value 255) or clears (0) every pixel whose centre lies inside the polygon (even–odd). */
export function fillPolygon(mask: Mask, points: readonly Point[], value = 255) {
  if (points.length < 3) return;
  const { width, height, data } = mask;
  const minY = Math.max(0, Math.floor(Math.min(...points.map((p) => p.y))));
  const maxY = Math.min(height - 1, Math.ceil(Math.max(...points.map((p) => p.y))));
  const xs: number[] = [];
  for (let y = minY; y <= maxY; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const a = points[i]!;
      const b = points[j]!;
      if (a.y > cy !== b.y > cy) xs.push(a.x + ((cy - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(width - 1, Math.floor(xs[k + 1]! - 0.5));
      if (to >= from) data.fill(value, y * width + from, y * width + to + 1);
    }
  }
}

/** An ellipse (rotated by `angle` radians) as a polygon. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, angle = 0, steps = 48): Point[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return Array.from({ length: steps }, (_, i) => {
    const t = (i / steps) * Math.PI * 2;
    const x = Math.cos(t) * rx;
    const y = Math.sin(t) * ry;
    return { x: cx + x * cos - y * sin, y: cy + x * sin + y * cos };
  });
}

/** A segment with round ends (a limb) as a polygon. */
export function capsule(a: Point, b: Point, radius: number, steps = 12): Point[] {
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const arc = (c: Point, from: number) =>
    Array.from({ length: steps + 1 }, (_, i) => {
      const t = from + (i / steps) * Math.PI;
      return { x: c.x + Math.cos(t) * radius, y: c.y + Math.sin(t) * radius };
    });
  return [...arc(b, angle - Math.PI / 2), ...arc(a, angle + Math.PI / 2)];
}

/** Softens the edges: two box-blur passes of `radius` px each way (close to a Gaussian). */
export function feather(mask: Mask, radius: number): Mask {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return mask;
  const { width: w, height: h } = mask;
  const src = Float32Array.from(mask.data);
  const tmp = new Float32Array(w * h);
  const pass = (from: Float32Array, to: Float32Array, horizontal: boolean) => {
    const [lines, length, step, lineStep] = horizontal ? [h, w, 1, w] : [w, h, w, 1];
    for (let line = 0; line < lines; line++) {
      const base = line * lineStep;
      let sum = 0;
      for (let i = -r; i <= r; i++) sum += from[base + Math.min(length - 1, Math.max(0, i)) * step]!;
      for (let i = 0; i < length; i++) {
        to[base + i * step] = sum / (2 * r + 1);
        sum += from[base + Math.min(length - 1, i + r + 1) * step]! - from[base + Math.max(0, i - r) * step]!;
      }
    }
  };
  for (let k = 0; k < 2; k++) {
    pass(src, tmp, true);
    pass(tmp, src, false);
  }
  const out = createMask(w, h);
  for (let i = 0; i < out.data.length; i++) out.data[i] = Math.round(src[i]!);
  return out;
}

/** Coverage at a point, 0–1 (for tests and checks). */
export const coverage = (mask: Mask, p: Point) =>
  mask.data[
    Math.min(mask.height - 1, Math.max(0, Math.floor(p.y))) * mask.width +
      Math.min(mask.width - 1, Math.max(0, Math.floor(p.x)))
  ]! / 255;

/** The mask as a black-and-white PNG (white = repaint), the form inpainting APIs take. */
export function maskPng(mask: Mask): Uint8Array<ArrayBuffer> {
  const img = createImage(mask.width, mask.height);
  for (let y = 0; y < mask.height; y++) {
    const row = y * img.stride + 1;
    for (let x = 0; x < mask.width; x++) {
      const v = mask.data[y * mask.width + x]!;
      img.data[row + x * 3] = img.data[row + x * 3 + 1] = img.data[row + x * 3 + 2] = v;
    }
  }
  img.rowLeft.fill(0);
  img.rowRight.fill(mask.width - 1);
  return encodePng(img);
}
