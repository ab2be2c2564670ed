// OpenCV's LINE_8 one-pixel lines, reimplemented to the pixel (see raster.ts), clipped to the image.
import { XY_ONE, XY_SHIFT, idiv, put, shr, touch, type Point, type Rgb, type RgbImage } from "./raster";

/** Cohen–Sutherland clipping to [0, w-1]×[0, h-1]; false when the segment misses the image. */
function clipLine(w: number, h: number, p1: Point, p2: Point): boolean {
  const right = w - 1;
  const bottom = h - 1;
  if (w <= 0 || h <= 0) return false;
  const code = (p: Point) => +(p.x < 0) + +(p.x > right) * 2 + +(p.y < 0) * 4 + +(p.y > bottom) * 8;
  let c1 = code(p1);
  let c2 = code(p2);
  if ((c1 & c2) === 0 && (c1 | c2) !== 0) {
    if (c1 & 12) {
      const a = c1 < 8 ? 0 : bottom;
      p1.x += idiv((a - p1.y) * (p2.x - p1.x), p2.y - p1.y);
      p1.y = a;
      c1 = +(p1.x < 0) + +(p1.x > right) * 2;
    }
    if (c2 & 12) {
      const a = c2 < 8 ? 0 : bottom;
      p2.x += idiv((a - p2.y) * (p2.x - p1.x), p2.y - p1.y);
      p2.y = a;
      c2 = +(p2.x < 0) + +(p2.x > right) * 2;
    }
    if ((c1 & c2) === 0 && (c1 | c2) !== 0) {
      if (c1) {
        const a = c1 === 1 ? 0 : right;
        p1.y += idiv((a - p1.x) * (p2.y - p1.y), p2.x - p1.x);
        p1.x = a;
        c1 = 0;
      }
      if (c2) {
        const a = c2 === 1 ? 0 : right;
        p2.y += idiv((a - p2.x) * (p2.y - p1.y), p2.x - p1.x);
        p2.x = a;
        c2 = 0;
      }
    }
  }
  return (c1 | c2) === 0;
}

/** OpenCV's Line with an 8-connected LineIterator, walked left to right. */
export function line8(img: RgbImage, a: Point, b: Point, c: Rgb) {
  const { width: w, height: h } = img;
  let x1 = a.x;
  let y1 = a.y;
  let x2 = b.x;
  let y2 = b.y;
  // Neighbouring ends (most polygon outline segments): the line is just its two ends.
  if (Math.abs(x2 - x1) <= 1 && Math.abs(y2 - y1) <= 1) {
    if (x1 >= 0 && x1 < w && y1 >= 0 && y1 < h) put(img, x1, y1, c);
    if (x2 >= 0 && x2 < w && y2 >= 0 && y2 < h) put(img, x2, y2, c);
    return;
  }
  if (x1 < 0 || x1 >= w || y1 < 0 || y1 >= h || x2 < 0 || x2 >= w || y2 < 0 || y2 >= h) {
    const p1 = { x: x1, y: y1 };
    const p2 = { x: x2, y: y2 };
    if (!clipLine(w, h, p1, p2)) return;
    ({ x: x1, y: y1 } = p1);
    ({ x: x2, y: y2 } = p2);
  }
  let dx = x2 - x1;
  let dy = y2 - y1;
  if (dx < 0) {
    dx = -dx;
    dy = -dy;
    x1 = x2;
    y1 = y2;
  }
  const sy = dy < 0 ? -1 : 1;
  dy = Math.abs(dy);
  // Major axis first: x unless the line is steeper than 45°.
  const steep = dy > dx;
  const majorX = steep ? 0 : 1;
  const majorY = steep ? sy : 0;
  const minorX = steep ? 1 : 0;
  const minorY = steep ? 0 : sy;
  if (steep) [dx, dy] = [dy, dx];
  let err = dx - (dy + dy);
  const plusDelta = dx + dx;
  const minusDelta = -(dy + dy);
  const d = img.data;
  let x = x1;
  let y = y1;
  for (let i = 0; i <= dx; i++) {
    touch(img, y, x, x);
    const k = y * img.stride + 1 + x * 3;
    d[k] = c[0];
    d[k + 1] = c[1];
    d[k + 2] = c[2];
    if (err < 0) {
      err += minusDelta + plusDelta;
      x += majorX + minorX;
      y += majorY + minorY;
    } else {
      err += minusDelta;
      x += majorX;
      y += majorY;
    }
  }
}

/** OpenCV's Line2: a line between fixed-point (16 fraction bits) ends. */
export function line2(img: RgbImage, a: Point, b: Point, c: Rgb) {
  const p1 = { ...a };
  const p2 = { ...b };
  if (!clipLine(img.width * XY_ONE, img.height * XY_ONE, p1, p2)) return;
  let dx = p2.x - p1.x;
  let dy = p2.y - p1.y;
  const j = dx < 0 ? -1 : 0;
  const ax = Math.abs(dx);
  const i = dy < 0 ? -1 : 0;
  const ay = Math.abs(dy);
  let xStep: number;
  let yStep: number;
  let ecount: number;
  const swapIf = (cond: number) => {
    if (!cond) return;
    [p1.x, p2.x] = [p2.x, p1.x];
    [p1.y, p2.y] = [p2.y, p1.y];
  };
  if (ax > ay) {
    dy = j ? -dy : dy;
    swapIf(j);
    xStep = XY_ONE;
    yStep = idiv(dy * XY_ONE, ax | 1);
    ecount = shr(p2.x - p1.x, XY_SHIFT);
  } else {
    dx = i ? -dx : dx;
    swapIf(i);
    xStep = idiv(dx * XY_ONE, ay | 1);
    yStep = XY_ONE;
    ecount = shr(p2.y - p1.y, XY_SHIFT);
  }
  p1.x += XY_ONE >> 1;
  p1.y += XY_ONE >> 1;
  const plot = (x: number, y: number) => {
    if (x >= 0 && x < img.width && y >= 0 && y < img.height) put(img, x, y, c);
  };
  plot(shr(p2.x + (XY_ONE >> 1), XY_SHIFT), shr(p2.y + (XY_ONE >> 1), XY_SHIFT));
  if (ax > ay) {
    let x = shr(p1.x, XY_SHIFT);
    let y = p1.y;
    for (; ecount >= 0; ecount--, x++, y += yStep) plot(x, shr(y, XY_SHIFT));
  } else {
    let x = p1.x;
    let y = shr(p1.y, XY_SHIFT);
    for (; ecount >= 0; ecount--, y++, x += xStep) plot(shr(x, XY_SHIFT), y);
  }
}
