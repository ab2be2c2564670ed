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
    // Edge (p → q): inside when E > 0, or E = 0 on a top or left edge.
    const edges = [
      [ax, ay, bx, by],
      [bx, by, cx, cy],
      [cx, cy, ax, ay],
    ].map(([x1e, y1e, x2e, y2e]) => {
      const dx = x2e! - x1e!;
      const dy = y2e! - y1e!;
      const bias = dy < 0 || (dy === 0 && dx > 0) ? 0 : -1;
      return { x1e: x1e!, y1e: y1e!, dx, dy, bias };
    });
    for (let y = y0; y <= y1; y++) {
      const sy = y * SUB + SUB / 2;
      for (let x = x0; x <= x1; x++) {
        const sx = x * SUB + SUB / 2;
        let inside = true;
        for (const e of edges) {
          if (e.dx * (sy - e.y1e) - e.dy * (sx - e.x1e) + e.bias < 0) {
            inside = false;
            break;
          }
        }
        if (!inside) continue;
        const cxp = x + 0.5;
        const cyp = y + 0.5;
        // Bilinear on texel centres (texel k covers [k, k + 1)).
        const fx = Math.min(tw - 1, Math.max(0, ux * cxp + uy * cyp + u0 - 0.5));
        const fy = Math.min(th - 1, Math.max(0, vx * cxp + vy * cyp + v0 - 0.5));
        const ix = Math.min(tw - 2, Math.floor(fx));
        const iy = Math.min(th - 2, Math.floor(fy));
        const wx = fx - ix;
        const wy = fy - iy;
        const i00 = (iy * tw + ix) * 4;
        const i10 = i00 + 4;
        const i01 = i00 + tw * 4;
        const i11 = i01 + 4;
        const o = (y * width + x) * 4;
        const sa =
          (T[i00 + 3]! * (1 - wx) + T[i10 + 3]! * wx) * (1 - wy) + (T[i01 + 3]! * (1 - wx) + T[i11 + 3]! * wx) * wy;
        if (sa <= 0) continue;
        const keep = 1 - sa;
        for (let k = 0; k < 3; k++) {
          const s =
            (T[i00 + k]! * (1 - wx) + T[i10 + k]! * wx) * (1 - wy) + (T[i01 + k]! * (1 - wx) + T[i11 + k]! * wx) * wy;
          out[o + k] = s + out[o + k]! * keep;
        }
        out[o + 3] = sa + out[o + 3]! * keep;
      }
    }
  }
}

/** Un-premultiplies into 8-bit RGBA and the exact mask (255 where alpha ≥ 128). */
export function finish(out: Float32Array, width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const a = out[4 * i + 3]!;
    if (a <= 0) continue;
    data[4 * i] = Math.round((out[4 * i]! / a) * 255);
    data[4 * i + 1] = Math.round((out[4 * i + 1]! / a) * 255);
    data[4 * i + 2] = Math.round((out[4 * i + 2]! / a) * 255);
    const alpha = Math.round(a * 255);
    data[4 * i + 3] = alpha;
    if (alpha >= 128) mask[i] = 255;
  }
  return { data, mask };
}
