// OpenCV's filled shapes, reimplemented to the pixel (see raster.ts): convex polygons, circles,
// thick lines (a filled quad with round caps) and the polygon cv2.ellipse2Poly makes of an ellipse.
import { line2, line8 } from "./raster-lines";
import { XY_ONE, XY_SHIFT, cvRound, hline, idiv, shr, type Point, type Rgb, type RgbImage } from "./raster";

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
