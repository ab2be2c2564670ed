// The person's outline from the cut-out's alpha: the solid mask (α ≥ 128), its outer contour and
// holes (d3-contour), simplified (simplify-js) and resampled so no outline edge is longer than the
// mesh spacing. The contour is traced on the mask grown by one pixel, so the outline runs about
// a pixel outside the person: the texture's own soft alpha, not a triangle edge, draws the edge.
import { contours } from "d3-contour";
import simplify from "simplify-js";
import type { Rgba } from "../raster/rgba";
import { cleanMask } from "./clean-mask";
import { RigProblem } from "./contract";
import { distanceInside } from "./distance";

export type Vec = { x: number; y: number };

export interface Silhouette {
  /** The crop (in cut-out pixels) the fields below cover. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** 1 where α ≥ 128, inside the crop. */
  solid: Uint8Array;
  /** Distance from each solid pixel to the nearest non-solid one (px). */
  depth: Float32Array;
  /** Outer ring first, then holes; in cut-out pixels (pixel (x, y)'s centre is x + 0.5, y + 0.5). */
  rings: Vec[][];
  /** Solid pixel count. */
  area: number;
  /** Mesh spacing (px): the longest outline edge. */
  spacing: number;
}

/** Crop padding (px): room for the blur and the one-pixel growth. */
const PAD = 6;
/** Holes smaller than this (px²) are filled: specks of background inside the person. */
const MIN_HOLE = 30;
/** Douglas–Peucker tolerance (px): well under the 1-pixel growth, so no person pixel falls outside. */
const SIMPLIFY = 0.6;

const ringArea = (ring: readonly Vec[]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
  return a / 2;
};

/** Splits every edge longer than `spacing` into equal parts. */
function resample(ring: readonly Vec[], spacing: number): Vec[] {
  const out: Vec[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const parts = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / spacing));
    for (let k = 0; k < parts; k++)
      out.push({ x: a.x + ((b.x - a.x) * k) / parts, y: a.y + ((b.y - a.y) * k) / parts });
  }
  return out;
}

/** The solid mask's bounding box, padded; null when no pixel is solid. */
function solidBox(cutout: Rgba, pad: number) {
  const { width, height, data } = cutout;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * 4 + 3]! < 128) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return null;
  return { left: x0 - pad, top: y0 - pad, width: x1 - x0 + 1 + 2 * pad, height: y1 - y0 + 1 + 2 * pad };
}

/**
 * Traces the person in a cut-out; `spacingOf` picks the mesh spacing from the figure's height
 * and area. Throws a RigProblem (rig_mask_empty) when the cut-out has no solid pixel.
 */
export function traceSilhouette(cutout: Rgba, spacingOf: (figureHeight: number, area: number) => number): Silhouette {
  const box = solidBox(cutout, PAD);
  if (!box) throw new RigProblem("rig_mask_empty", "the cut-out has no opaque pixel: there is no person to pose");
  const { left, top, width, height } = box;
  const alpha = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = y + top;
    if (sy < 0 || sy >= cutout.height) continue;
    for (let x = 0; x < width; x++) {
      const sx = x + left;
      if (sx >= 0 && sx < cutout.width) alpha[y * width + x] = cutout.data[(sy * cutout.width + sx) * 4 + 3]!;
    }
  }
  // Blur and opening scale with the figure: about 1 px and 2 px on a 400 px tall person.
  const solid = cleanMask(alpha, width, height, {
    sigma: Math.max(1, (height - 2 * PAD) / 400),
    open: Math.max(1.5, (height - 2 * PAD) / 200),
    minHole: MIN_HOLE,
  });
  let area = 0;
  let rowMin = height;
  let rowMax = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!solid[y * width + x]) continue;
      area++;
      rowMin = Math.min(rowMin, y);
      rowMax = Math.max(rowMax, y);
    }
  }
  if (area === 0) throw new RigProblem("rig_too_small", "the person in the cut-out is too small or too thin to pose");
  const spacing = spacingOf(rowMax - rowMin + 1, area);
  // Grow by one pixel (3×3 maximum) before tracing.
  const grown = new Float64Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (solid[i - width - 1] || solid[i - width] || solid[i - width + 1] || solid[i - 1] || solid[i]) grown[i] = 1;
      else if (solid[i + 1] || solid[i + width - 1] || solid[i + width] || solid[i + width + 1]) grown[i] = 1;
    }
  }
  const shapes = contours().size([width, height]).thresholds([0.5])(grown as unknown as number[])[0]!.coordinates;
  // The largest piece only: islands hold no joint to pin them by.
  let best: Vec[][] = [];
  let bestArea = 0;
  for (const polygon of shapes) {
    const rings = polygon.map((ring) => ring.slice(0, -1).map(([x, y]) => ({ x: x! + left, y: y! + top })));
    const a = Math.abs(ringArea(rings[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  const rings = best
    .filter((ring, i) => i === 0 || Math.abs(ringArea(ring)) >= MIN_HOLE)
    .map((ring) => resample(simplify(ring, SIMPLIFY, true), spacing));
  return { left, top, width, height, solid, depth: distanceInside(solid, width, height), rings, area, spacing };
}

/** Even–odd point-in-polygon over all rings (inside the outer ring and outside every hole). */
export function insideRings(rings: readonly (readonly Vec[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > y !== b.y > y && x < a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y)) inside = !inside;
    }
  }
  return inside;
}

/** Depth (distance to the outside) at a point in cut-out pixels; 0 outside the crop. */
export function depthAt(s: Silhouette, x: number, y: number): number {
  const cx = Math.floor(x) - s.left;
  const cy = Math.floor(y) - s.top;
  if (cx < 0 || cy < 0 || cx >= s.width || cy >= s.height) return 0;
  return s.depth[cy * s.width + cx]!;
}
