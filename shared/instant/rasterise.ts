// Draws the deformed mesh with its texture: per triangle the affine map from output to cut-out
// pixels, a bounding-box scan with edge functions and the top-left fill rule on a 1/16-pixel
// grid (exact integer arithmetic, so two triangles sharing an edge never both cover, nor both
// miss, a pixel), bilinear sampling of the premultiplied texture, and "over" in the given order.

/** A premultiplied RGBA texture, 0–1 floats. */
export interface Texture {
  width: number;
  height: number;
  data: Float32Array;
}

/** Premultiplies 8-bit RGBA into a float texture. */
export function premultiply(width: number, height: number, rgba: ArrayLike<number>): Texture {
  const data = new Float32Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const a = rgba[4 * i + 3]! / 255;
    data[4 * i] = (rgba[4 * i]! / 255) * a;
    data[4 * i + 1] = (rgba[4 * i + 1]! / 255) * a;
    data[4 * i + 2] = (rgba[4 * i + 2]! / 255) * a;
    data[4 * i + 3] = a;
  }
  return { width, height, data };
}

const SUB = 16;

/**
 * Draws triangles `order` (indices into `triangles`) over `out` (premultiplied RGBA floats,
 * width × height): `to` are the output positions, `from` the texture positions, per vertex.
 */
export function drawTriangles(
  out: Float32Array,
  width: number,
  height: number,
  tex: Texture,
  triangles: Uint32Array,
  order: ArrayLike<number>,
  to: Float64Array,
  from: Float64Array,
) {
  const T = tex.data;
  const tw = tex.width;
  const th = tex.height;
  for (let n = 0; n < order.length; n++) {
    const t = order[n]!;
    let a = triangles[3 * t]!;
    let b = triangles[3 * t + 1]!;
    const c = triangles[3 * t + 2]!;
    let ax = Math.round(to[2 * a]! * SUB);
    let ay = Math.round(to[2 * a + 1]! * SUB);
    let bx = Math.round(to[2 * b]! * SUB);
    let by = Math.round(to[2 * b + 1]! * SUB);
    const cx = Math.round(to[2 * c]! * SUB);
    const cy = Math.round(to[2 * c + 1]! * SUB);
    let area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (area === 0) continue;
    if (area < 0) {
      // A folded triangle still draws (mesh checks report folds); swap to one winding.
      [a, b] = [b, a];
      [ax, ay, bx, by] = [bx, by, ax, ay];
      area = -area;
    }
    // Affine map output → texture from the (unrounded) vertex positions.
    const px = [to[2 * a]!, to[2 * b]!, to[2 * c]!];
    const py = [to[2 * a + 1]!, to[2 * b + 1]!, to[2 * c + 1]!];
    const u = [from[2 * a]!, from[2 * b]!, from[2 * c]!];
    const v = [from[2 * a + 1]!, from[2 * b + 1]!, from[2 * c + 1]!];
    const det = (px[1]! - px[0]!) * (py[2]! - py[0]!) - (px[2]! - px[0]!) * (py[1]! - py[0]!);
    if (Math.abs(det) < 1e-12) continue;
    const map = (q: number[]) => {
      const d1 = q[1]! - q[0]!;
      const d2 = q[2]! - q[0]!;
      const gx = (d1 * (py[2]! - py[0]!) - d2 * (py[1]! - py[0]!)) / det;
      const gy = (d2 * (px[1]! - px[0]!) - d1 * (px[2]! - px[0]!)) / det;
      return [gx, gy, q[0]! - gx * px[0]! - gy * py[0]!] as const;
    };
    const [ux, uy, u0] = map(u);
    const [vx, vy, v0] = map(v);
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx) / SUB));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx, cx) / SUB));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy) / SUB));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by, cy) / SUB));
    // Edge (p → q): E = dx·(y − py) − dy·(x − px); inside when E > 0, or E = 0 on a top or
    // left edge (bias −1 turns "≥ 0" into "> 0" on the others). Stepped per pixel: +dx·SUB per
    // row, −dy·SUB per column, all integers.
    const e0dx = bx - ax;
    const e0dy = by - ay;
    const e1dx = cx - bx;
    const e1dy = cy - by;
    const e2dx = ax - cx;
    const e2dy = ay - cy;
    const bias = (dx: number, dy: number) => (dy < 0 || (dy === 0 && dx > 0) ? 0 : -1);
    const b0 = bias(e0dx, e0dy);
    const b1 = bias(e1dx, e1dy);
    const b2 = bias(e2dx, e2dy);
    const sx0 = x0 * SUB + SUB / 2;
    for (let y = y0; y <= y1; y++) {
      const sy = y * SUB + SUB / 2;
      let w0 = e0dx * (sy - ay) - e0dy * (sx0 - ax) + b0;
      let w1 = e1dx * (sy - by) - e1dy * (sx0 - bx) + b1;
      let w2 = e2dx * (sy - cy) - e2dy * (sx0 - cx) + b2;
      const cyp = y + 0.5;
      for (let x = x0; x <= x1; x++, w0 -= e0dy * SUB, w1 -= e1dy * SUB, w2 -= e2dy * SUB) {
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        const cxp = x + 0.5;
        // Bilinear on texel centres (texel k covers [k, k + 1)).
        const fx = Math.min(tw - 1, Math.max(0, ux * cxp + uy * cyp + u0 - 0.5));
        const fy = Math.min(th - 1, Math.max(0, vx * cxp + vy * cyp + v0 - 0.5));
        const ix = Math.min(tw - 2, Math.floor(fx));
        const iy = Math.min(th - 2, Math.floor(fy));
        const wx = fx - ix;
        const wy = fy - iy;
        const w00 = (1 - wx) * (1 - wy);
        const w10 = wx * (1 - wy);
        const w01 = (1 - wx) * wy;
        const w11 = wx * wy;
        const i00 = (iy * tw + ix) * 4;
        const i01 = i00 + tw * 4;
        const sa = T[i00 + 3]! * w00 + T[i00 + 7]! * w10 + T[i01 + 3]! * w01 + T[i01 + 7]! * w11;
        if (sa <= 0) continue;
        const o = (y * width + x) * 4;
        const keep = 1 - sa;
        out[o] = T[i00]! * w00 + T[i00 + 4]! * w10 + T[i01]! * w01 + T[i01 + 4]! * w11 + out[o]! * keep;
        out[o + 1] = T[i00 + 1]! * w00 + T[i00 + 5]! * w10 + T[i01 + 1]! * w01 + T[i01 + 5]! * w11 + out[o + 1]! * keep;
        out[o + 2] = T[i00 + 2]! * w00 + T[i00 + 6]! * w10 + T[i01 + 2]! * w01 + T[i01 + 6]! * w11 + out[o + 2]! * keep;
        out[o + 3] = sa + out[o + 3]! * keep;
      }
    }
  }
}

/**
 * Fills pinholes where cut seams open a crack: a transparent pixel with at least 5 of its 8
 * neighbours opaque takes their average (premultiplied, in place, one pass).
 */
export function fillPinholes(out: Float32Array, width: number, height: number) {
  const holes: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (out[4 * i + 3]! > 0) continue;
      let opaque = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) if (out[4 * (i + dy * width + dx) + 3]! > 0.5) opaque++;
      if (opaque >= 5) holes.push(i);
    }
  }
  for (const i of holes) {
    const sum = new Float64Array(4);
    let n = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const j = 4 * (i + dy * width + dx);
        if (out[j + 3]! <= 0.5) continue;
        for (let k = 0; k < 4; k++) sum[k] = sum[k]! + out[j + k]!;
        n++;
      }
    }
    for (let k = 0; k < 4; k++) out[4 * i + k] = sum[k]! / n;
  }
}

/**
 * Un-premultiplies a region (premultiplied floats, rw × rh, placed at left, top) into 8-bit RGBA
 * and the exact mask (255 where alpha ≥ 128) of the whole width × height picture.
 */
export function finish(
  out: Float32Array,
  region: { left: number; top: number; width: number; height: number },
  width: number,
  height: number,
) {
  const data = new Uint8ClampedArray(width * height * 4);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const r = 4 * (y * region.width + x);
      const a = out[r + 3]!;
      if (a <= 0) continue;
      const i = (y + region.top) * width + x + region.left;
      data[4 * i] = Math.round((out[r]! / a) * 255);
      data[4 * i + 1] = Math.round((out[r + 1]! / a) * 255);
      data[4 * i + 2] = Math.round((out[r + 2]! / a) * 255);
      const alpha = Math.round(a * 255);
      data[4 * i + 3] = alpha;
      if (alpha >= 128) mask[i] = 255;
    }
  }
  return { data, mask };
}
