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
type Point = { x: number; y: number };

const XY_SHIFT = 16;
const XY_ONE = 1 << XY_SHIFT;

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

function touch(img: RgbImage, y: number, x1: number, x2: number) {
  if (x1 < img.rowLeft[y]!) img.rowLeft[y] = x1;
  if (x2 > img.rowRight[y]!) img.rowRight[y] = x2;
}

const shr = (v: number, bits: number) => Math.floor(v / 2 ** bits);
const idiv = (a: number, b: number) => Math.trunc(a / b);

/** cvRound: nearest integer, ties to even (SSE2 conversion in the default rounding mode). */
export function cvRound(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function hline(img: RgbImage, y: number, x1: number, x2: number, c: Rgb) {
  touch(img, y, x1, x2);
  const d = img.data;
  const row = y * img.stride + 1;
  for (let i = row + x1 * 3, end = row + x2 * 3; i <= end; i += 3) {
    d[i] = c[0];
    d[i + 1] = c[1];
    d[i + 2] = c[2];
  }
}

function put(img: RgbImage, x: number, y: number, c: Rgb) {
  touch(img, y, x, x);
  const i = y * img.stride + 1 + x * 3;
  img.data[i] = c[0];
  img.data[i + 1] = c[1];
  img.data[i + 2] = c[2];
}

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
function line2(img: RgbImage, a: Point, b: Point, c: Rgb) {
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

/** OpenCV's FillConvexPoly for LINE_8: the outline, then scanlines between two walked edges. */
export function fillConvexPoly(img: RgbImage, v: readonly Point[], c: Rgb, shift = 0) {
  const npts = v.length;
  const delta = (1 << shift) >> 1;
  const half = XY_ONE >> 1;
  const up = 2 ** (XY_SHIFT - shift);
  let imin = 0;
  let xmin = v[0]!.x;
  let xmax = xmin;
  let ymin = v[0]!.y;
  let ymax = ymin;
  let p0 = { x: v[npts - 1]!.x * up, y: v[npts - 1]!.y * up };
  for (let i = 0; i < npts; i++) {
    const q = v[i]!;
    if (q.y < ymin) {
      ymin = q.y;
      imin = i;
    }
    ymax = Math.max(ymax, q.y);
    xmax = Math.max(xmax, q.x);
    xmin = Math.min(xmin, q.x);
    const p = { x: q.x * up, y: q.y * up };
    if (shift === 0) {
      line8(
        img,
        { x: shr(p0.x, XY_SHIFT), y: shr(p0.y, XY_SHIFT) },
        { x: shr(p.x, XY_SHIFT), y: shr(p.y, XY_SHIFT) },
        c,
      );
    } else {
      line2(img, p0, p, c);
    }
    p0 = p;
  }
  xmin = shr(xmin + delta, shift);
  xmax = shr(xmax + delta, shift);
  ymin = shr(ymin + delta, shift);
  ymax = shr(ymax + delta, shift);
  if (npts < 3 || xmax < 0 || ymax < 0 || xmin >= img.width || ymin >= img.height) return;
  ymax = Math.min(ymax, img.height - 1);

  const edge = [
    { idx: imin, di: 1, x: -XY_ONE, dx: 0, ye: ymin },
    { idx: imin, di: npts - 1, x: -XY_ONE, dx: 0, ye: ymin },
  ];
  let edges = npts;
  let y = ymin;
  do {
    for (const e of edge) {
      if (y < e.ye) continue;
      let idx0 = e.idx;
      let idx = idx0 + e.di;
      if (idx >= npts) idx -= npts;
      for (; edges-- > 0;) {
        const ty = shr(v[idx]!.y + delta, shift);
        if (ty > y) {
          const xs = v[idx0]!.x * up;
          const xe = v[idx]!.x * up;
          e.ye = ty;
          e.dx = idiv((xe - xs) * 2 + (ty - y), 2 * (ty - y));
          e.x = xs;
          e.idx = idx;
          break;
        }
        idx0 = idx;
        idx += e.di;
        if (idx >= npts) idx -= npts;
      }
    }
    if (edges < 0) break;
    if (y >= 0) {
      const [l, r] = edge[0]!.x > edge[1]!.x ? [edge[1]!, edge[0]!] : [edge[0]!, edge[1]!];
      let x1 = shr(l.x + half, XY_SHIFT);
      let x2 = shr(r.x + half, XY_SHIFT);
      if (x2 >= 0 && x1 < img.width) {
        if (x1 < 0) x1 = 0;
        if (x2 >= img.width) x2 = img.width - 1;
        hline(img, y, x1, x2, c);
      }
    }
    edge[0]!.x += edge[0]!.dx;
    edge[1]!.x += edge[1]!.dx;
  } while (++y <= ymax);
}

/** OpenCV's Circle (LINE_8, no shift): a midpoint circle, filled by horizontal spans. */
export function fillCircle(img: RgbImage, cx: number, cy: number, radius: number, c: Rgb) {
  const { width: w, height: h } = img;
  let err = 0;
  let dx = radius;
  let dy = 0;
  let plus = 1;
  let minus = (radius << 1) - 1;
  const span = (y: number, x1: number, x2: number) => {
    if (y >= 0 && y < h) hline(img, y, x1, x2, c);
  };
  const inside = cx >= radius && cx < w - radius && cy >= radius && cy < h - radius;
  while (dx >= dy) {
    const y11 = cy - dy;
    const y12 = cy + dy;
    const y21 = cy - dx;
    const y22 = cy + dx;
    let x11 = cx - dx;
    let x12 = cx + dx;
    let x21 = cx - dy;
    let x22 = cx + dy;
    if (inside) {
      span(y11, x11, x12);
      span(y12, x11, x12);
      span(y21, x21, x22);
      span(y22, x21, x22);
    } else if (x11 < w && x12 >= 0 && y21 < h && y22 >= 0) {
      x11 = Math.max(x11, 0);
      x12 = Math.min(x12, w - 1);
      span(y11, x11, x12);
      span(y12, x11, x12);
      if (x21 < w && x22 >= 0) {
        x21 = Math.max(x21, 0);
        x22 = Math.min(x22, w - 1);
        span(y21, x21, x22);
        span(y22, x21, x22);
      }
    }
    dy++;
    err += plus;
    plus += 2;
    const mask = err <= 0 ? 0 : -1;
    err -= minus & mask;
    dx += mask;
    minus -= mask & 2;
  }
}

/** cv2.line with thickness > 1 (LINE_8): a filled quad in fixed point plus round caps. */
export function thickLine(img: RgbImage, a: Point, b: Point, thickness: number, c: Rgb) {
  const p0 = { x: a.x * XY_ONE, y: a.y * XY_ONE };
  const p1 = { x: b.x * XY_ONE, y: b.y * XY_ONE };
  const dx = (p0.x - p1.x) / XY_ONE;
  const dy = (p1.y - p0.y) / XY_ONE;
  let r = dx * dx + dy * dy;
  const odd = thickness & 1;
  const t = thickness * 2 ** (XY_SHIFT - 1);
  if (Math.abs(r) > Number.EPSILON) {
    r = (t + odd * XY_ONE * 0.5) / Math.sqrt(r);
    const dpx = cvRound(dy * r);
    const dpy = cvRound(dx * r);
    fillConvexPoly(
      img,
      [
        { x: p0.x + dpx, y: p0.y + dpy },
        { x: p0.x - dpx, y: p0.y - dpy },
        { x: p1.x - dpx, y: p1.y - dpy },
        { x: p1.x + dpx, y: p1.y + dpy },
      ],
      c,
      XY_SHIFT,
    );
  }
  const capRadius = shr(t + (XY_ONE >> 1), XY_SHIFT);
  for (const p of [p0, p1]) {
    fillCircle(img, shr(p.x + (XY_ONE >> 1), XY_SHIFT), shr(p.y + (XY_ONE >> 1), XY_SHIFT), capRadius, c);
  }
}

// OpenCV's sine table: float32 values at whole degrees, 0..450.
const SIN_TABLE = new Float64Array(451);
for (let deg = 0; deg <= 450; deg++) {
  SIN_TABLE[deg] = Math.fround(Number(Math.sin((deg * Math.PI) / 180).toFixed(7)));
}

/** cv2.ellipse2Poly(center, axes, angle, 0, 360, delta) with integer arguments. */
export function ellipse2Poly(cx: number, cy: number, ax: number, ay: number, angleDeg: number, delta: number): Point[] {
  let angle = angleDeg;
  while (angle < 0) angle += 360;
  while (angle > 360) angle -= 360;
  const a = angle < 0 ? angle + 360 : angle;
  const alpha = SIN_TABLE[450 - a]!; // cos
  const beta = SIN_TABLE[a]!; // sin
  const pts: Point[] = [];
  let prev: Point | null = null;
  for (let i = 0; i < 360 + delta; i += delta) {
    const deg = i > 360 ? 360 : i;
    const x = ax * SIN_TABLE[450 - deg]!;
    const y = ay * SIN_TABLE[deg]!;
    const pt = { x: cvRound(cx + x * alpha - y * beta), y: cvRound(cy + x * beta + y * alpha) };
    if (!prev || pt.x !== prev.x || pt.y !== prev.y) pts.push(pt);
    prev = pt;
  }
  return pts.length === 1
    ? [
        { x: cx, y: cy },
        { x: cx, y: cy },
      ]
    : pts;
}

/** The pixels alone, 3 bytes each, without the scanline filter bytes. */
export function rgbBytes(img: RgbImage): Uint8Array {
  const out = new Uint8Array(img.width * img.height * 3);
  for (let y = 0; y < img.height; y++) {
    out.set(img.data.subarray(y * img.stride + 1, (y + 1) * img.stride), y * img.width * 3);
  }
  return out;
}
