// A result's pixels moved into its marketplace frame (marketplace-frame.ts): the kept part copied,
// and where the canvas is larger, padding that continues the image's own backdrop.
import type { Mask } from "../raster/mask";
import type { Rgba } from "../raster/rgba";
import type { Frame } from "./marketplace-frame";

/** Backdrop pixels averaged per row (or column) at each edge. */
const STRIP = 8;
/** Rows (or columns) averaged on each side right beside the picture, so JPEG noise does not streak. */
const SMOOTH = 4;
/** How fast that stretch widens with the distance from the picture (pixels per pixel, each side). */
const SPREAD = 0.75;
/** A mask value at or above this is the person, never the backdrop. */
const PERSON = 64;

/**
 * The backdrop's colour along one edge, per row (or column) `i` of `count`: the mean of the first
 * STRIP non-person pixels met going inward (`pixel(i, depth)`, depth below `reach`), as running
 * sums for `colourAt`. Where the person covers the row that far in, the nearest row's colour; an
 * edge with no backdrop at all, white (the shops' own background).
 */
function edgeColours(
  image: Rgba,
  mask: Mask | null,
  count: number,
  reach: number,
  pixel: (i: number, depth: number) => number,
): Float64Array {
  const raw = new Float32Array(count * 3).fill(Number.NaN);
  for (let i = 0; i < count; i++) {
    const sum = [0, 0, 0];
    let n = 0;
    for (let d = 0; d < reach && n < STRIP; d++) {
      const p = pixel(i, d);
      if (mask && mask.data[p]! >= PERSON) continue;
      for (let c = 0; c < 3; c++) sum[c]! += image.data[p * 4 + c]!;
      n++;
    }
    if (n) for (let c = 0; c < 3; c++) raw[i * 3 + c] = sum[c]! / n;
  }
  // Rows without backdrop take the nearest row's colour: carried down, then up.
  for (const [from, to, step] of [
    [1, count, 1],
    [count - 2, -1, -1],
  ] as const)
    for (let i = from; i !== to; i += step)
      if (Number.isNaN(raw[i * 3]!)) raw.copyWithin(i * 3, (i - step) * 3, (i - step) * 3 + 3);
  // Running sums, so any stretch of the edge averages in constant time (see `colourAt`).
  const sums = new Float64Array((count + 1) * 3);
  for (let i = 0; i < count; i++)
    for (let c = 0; c < 3; c++) {
      const v = raw[i * 3 + c]!;
      sums[(i + 1) * 3 + c] = sums[i * 3 + c]! + (Number.isNaN(v) ? 255 : v);
    }
  return sums;
}

/**
 * The padding's colour at edge position `i`, `distance` pixels out: the edge's colours averaged
 * over a stretch that widens with the distance, so the backdrop runs on sharp beside the picture
 * and softens further out instead of streaking whatever the edge holds.
 */
function colourAt(sums: Float64Array, i: number, distance: number, c: number): number {
  const count = sums.length / 3 - 1;
  const r = SMOOTH + Math.floor(distance * SPREAD);
  const [from, to] = [Math.max(0, i - r), Math.min(count, i + r + 1)];
  return (sums[to * 3 + c]! - sums[from * 3 + c]!) / (to - from);
}

/**
 * The framed picture. Padding: transparent on a cut-out (`transparent`: the user removed the
 * background on purpose, and a shop's white can still be put behind it), otherwise the backdrop's
 * colour at the nearest edge, read around the person (`mask`), so a wall and floor run on.
 */
export function framePixels(image: Rgba, frame: Frame, mask: Mask | null, transparent: boolean): Rgba {
  const { canvas, source, at } = frame;
  const [w, h] = [source.right - source.left, source.bottom - source.top];
  const out = new Uint8Array(canvas.width * canvas.height * 4);
  for (let y = 0; y < h; y++) {
    const from = ((source.top + y) * image.width + source.left) * 4;
    out.set(image.data.subarray(from, from + w * 4), ((at.y + y) * canvas.width + at.x) * 4);
  }
  const padded = w < canvas.width || h < canvas.height;
  if (!padded || transparent) return { width: canvas.width, height: canvas.height, data: out };
  const iw = image.width;
  const [sl, st, sr, sb] = [source.left, source.top, source.right - 1, source.bottom - 1];
  // Up to half way in: past a person at the edge, not into the far side's backdrop.
  const [dx, dy] = [Math.ceil(w / 2), Math.ceil(h / 2)];
  const left = edgeColours(image, mask, h, dx, (i, d) => (st + i) * iw + sl + d);
  const right = edgeColours(image, mask, h, dx, (i, d) => (st + i) * iw + sr - d);
  const top = edgeColours(image, mask, w, dy, (i, d) => (st + d) * iw + sl + i);
  const bottom = edgeColours(image, mask, w, dy, (i, d) => (sb - d) * iw + sl + i);
  for (let y = 0; y < canvas.height; y++) {
    const sy = y - at.y;
    const rowInside = sy >= 0 && sy < h;
    for (let x = 0; x < canvas.width; x++) {
      const sx = x - at.x;
      if (rowInside && sx >= 0 && sx < w) {
        x = at.x + w - 1; // the copied run: skip to its end
        continue;
      }
      // Above or below (corners too): the top or bottom edge's colour at this column; beside: the row's.
      const [edge, i, distance] = !rowInside
        ? [sy < 0 ? top : bottom, Math.min(w - 1, Math.max(0, sx)), sy < 0 ? -sy : sy - h + 1]
        : [sx < 0 ? left : right, sy, sx < 0 ? -sx : sx - w + 1];
      const o = (y * canvas.width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(colourAt(edge, i, distance, c));
      out[o + 3] = 255;
    }
  }
  return { width: canvas.width, height: canvas.height, data: out };
}
