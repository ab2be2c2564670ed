// OpenCV's non-antialiased (LINE_8) drawing primitives, reimplemented to the pixel: the
// ControlNet openpose annotator draws its skeletons with them, and the model was trained on
// exactly those pixels. Integer arithmetic follows OpenCV's int64 fixed point (16 fraction bits);
// C++ integer division truncates toward zero, `>>` on int64 floors.

/**
 * An RGB image, 3 bytes per pixel, rows top to bottom, stored as PNG scanlines: each row starts
 * with a filter byte (always 0, "none"), so the encoder compresses `data` as it is.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** Bytes per row: 1 + width × 3. */
  stride: number;
  data: Uint8Array;
  /** Leftmost and rightmost column drawn in each row (left > right: untouched, all black). */
  rowLeft: Int32Array;
  rowRight: Int32Array;
}

export type Rgb = readonly [number, number, number];
export type Point = { x: number; y: number };

export const XY_SHIFT = 16;
export const XY_ONE = 1 << XY_SHIFT;

export function createImage(width: number, height: number): RgbImage {
  const stride = width * 3 + 1;
  return {
    width,
    height,
    stride,
    data: new Uint8Array(stride * height),
    rowLeft: new Int32Array(height).fill(width),
    rowRight: new Int32Array(height).fill(-1),
  };
}

export function touch(img: RgbImage, y: number, x1: number, x2: number) {
  if (x1 < img.rowLeft[y]!) img.rowLeft[y] = x1;
  if (x2 > img.rowRight[y]!) img.rowRight[y] = x2;
}

export const shr = (v: number, bits: number) => Math.floor(v / 2 ** bits);
export const idiv = (a: number, b: number) => Math.trunc(a / b);

/** cvRound: nearest integer, ties to even (SSE2 conversion in the default rounding mode). */
export function cvRound(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function hline(img: RgbImage, y: number, x1: number, x2: number, c: Rgb) {
  touch(img, y, x1, x2);
  const d = img.data;
  const row = y * img.stride + 1;
  for (let i = row + x1 * 3, end = row + x2 * 3; i <= end; i += 3) {
    d[i] = c[0];
    d[i + 1] = c[1];
    d[i + 2] = c[2];
  }
}

export function put(img: RgbImage, x: number, y: number, c: Rgb) {
  touch(img, y, x, x);
  const i = y * img.stride + 1 + x * 3;
  img.data[i] = c[0];
  img.data[i + 1] = c[1];
  img.data[i + 2] = c[2];
}

/** The pixels alone, 3 bytes each, without the scanline filter bytes. */
export function rgbBytes(img: RgbImage): Uint8Array {
  const out = new Uint8Array(img.width * img.height * 3);
  for (let y = 0; y < img.height; y++) {
    out.set(img.data.subarray(y * img.stride + 1, (y + 1) * img.stride), y * img.width * 3);
  }
  return out;
}
