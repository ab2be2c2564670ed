// The person's solid mask from a cut-out's alpha, cleaned the way a real background removal needs:
// the alpha is blurred (a Gaussian, σ ≈ 1 px) and thresholded at one half, so a mottled halo of
// half-kept background (grass, a crowd) averages out instead of leaving specks; a morphological
// opening (radius r) drops strands thinner than 2r and the bridges they make to the body; only the
// largest piece is kept (the person; a loose ball or speck has no joint to pin it by) and holes
// smaller than `minHole` px² are filled.
import { distanceInside } from "./distance";

/** A separable Gaussian blur of `src` (width × height), σ in px, edges clamped. */
function blur(src: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(sigma * 2.5));
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) total += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < kernel.length; k++) kernel[k] = kernel[k]! / total;
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++)
        s += kernel[k + radius]! * src[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[y * width + x] = s;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++)
        s += kernel[k + radius]! * tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = s;
    }
  }
  return out;
}

/**
 * Labels the 4-connected pieces of pixels whose value equals `on`; returns the labels (−1 off)
 * and each piece's size and whether it touches the border.
 */
function pieces(mask: Uint8Array, width: number, height: number, on: number) {
  const label = new Int32Array(width * height).fill(-1);
  const sizes: number[] = [];
  const border: boolean[] = [];
  const stack: number[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] !== on || label[s]! >= 0) continue;
    const id = sizes.length;
    let size = 0;
    let edge = false;
    label[s] = id;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % width;
      const y = (i - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) edge = true;
      const next = [
        x > 0 ? i - 1 : -1,
        x < width - 1 ? i + 1 : -1,
        y > 0 ? i - width : -1,
        y < height - 1 ? i + width : -1,
      ];
      for (const j of next) {
        if (j < 0 || mask[j] !== on || label[j]! >= 0) continue;
        label[j] = id;
        stack.push(j);
      }
    }
    sizes.push(size);
    border.push(edge);
  }
  return { label, sizes, border };
}

export interface CleanMaskOptions {
  /** Blur σ (px) before the threshold. */
  sigma: number;
  /** Opening radius (px): strands and bridges thinner than twice this go. */
  open: number;
  /** Holes smaller than this (px²) are filled. */
  minHole: number;
}

/**
 * The person's solid mask (1 = person) from an alpha grid (0–255, width × height): blur and
 * threshold, opening, the largest piece only, small holes filled. All zeros when nothing is solid.
 */
export function cleanMask(alpha: Uint8Array, width: number, height: number, options: CleanMaskOptions): Uint8Array {
  const soft = new Float32Array(width * height);
  for (let i = 0; i < soft.length; i++) soft[i] = alpha[i]! / 255;
  const blurred = blur(soft, width, height, options.sigma);
  let solid = new Uint8Array(width * height);
  for (let i = 0; i < solid.length; i++) solid[i] = blurred[i]! >= 0.5 ? 1 : 0;
  if (options.open > 0) {
    // Opening: erode (deeper than r), then dilate (within r of what is left), both exact.
    const depth = distanceInside(solid, width, height);
    const outside = new Uint8Array(width * height);
    for (let i = 0; i < outside.length; i++) outside[i] = depth[i]! > options.open ? 0 : 1;
    const reach = distanceInside(outside, width, height);
    for (let i = 0; i < solid.length; i++) solid[i] = solid[i] && reach[i]! <= options.open + 0.5 ? 1 : 0;
  }
  const body = pieces(solid, width, height, 1);
  let largest = -1;
  for (let p = 0; p < body.sizes.length; p++) if (largest < 0 || body.sizes[p]! > body.sizes[largest]!) largest = p;
  const kept = new Uint8Array(width * height);
  for (let i = 0; i < kept.length; i++) kept[i] = body.label[i] === largest ? 1 : 0;
  const gaps = pieces(kept, width, height, 0);
  for (let i = 0; i < kept.length; i++) {
    const g = gaps.label[i]!;
    if (g >= 0 && !gaps.border[g] && gaps.sizes[g]! < options.minHole) kept[i] = 1;
  }
  solid = kept;
  return solid;
}
