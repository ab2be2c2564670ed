// Draws accessory images onto a photo: each asset scaled, rotated and placed at its anchor,
// bilinear-sampled, alpha-blended, over a soft drop shadow so it sits on the picture.
import type { Rgba } from "../raster/rgba";
import { ASSET_PIVOT, type AccessoryAsset, type Placement } from "./anchors";
import { placementCorners } from "./placement-box";

/** Where the shadow is sampled around its offset, in offsets: a small spread makes it soft. */
const SHADOW_TAPS: readonly (readonly [number, number])[] = [
  [-0.5, -0.5],
  [0.5, -0.5],
  [-0.5, 0.5],
  [0.5, 0.5],
];

/** Bilinear RGBA sample at (u, v) in asset pixels; transparent outside. */
function sample(img: Rgba, u: number, v: number, out: Float32Array) {
  const x0 = Math.floor(u - 0.5);
  const y0 = Math.floor(v - 0.5);
  const fx = u - 0.5 - x0;
  const fy = v - 0.5 - y0;
  out.fill(0);
  for (let dy = 0; dy < 2; dy++) {
    for (let dx = 0; dx < 2; dx++) {
      const x = x0 + dx;
      const y = y0 + dy;
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const w = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
      const i = (y * img.width + x) * 4;
      const a = img.data[i + 3]! * w;
      // Premultiplied, so transparent neighbours do not darken the edges.
      out[0]! += img.data[i]! * a;
      out[1]! += img.data[i + 1]! * a;
      out[2]! += img.data[i + 2]! * a;
      out[3]! += a;
    }
  }
}

/** Draws one placed asset onto `target` (in place). */
export function drawPlacement(target: Rgba, asset: Rgba, placement: Placement, shadow = true) {
  const pivot = ASSET_PIVOT[placement.asset as AccessoryAsset];
  const scale = placement.width / asset.width;
  const cos = Math.cos(placement.angle);
  const sin = Math.sin(placement.angle);
  const w = asset.width * scale;
  // Asset corners in target space, for the bounding box.
  const corners = placementCorners(placement, asset);
  const offset = shadow ? Math.max(1, w * 0.03) : 0;
  const minX = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
  const maxX = Math.min(target.width - 1, Math.ceil(Math.max(...corners.map((c) => c[0])) + offset));
  const minY = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
  const maxY = Math.min(target.height - 1, Math.ceil(Math.max(...corners.map((c) => c[1])) + offset));
  const px = new Float32Array(4);
  const toAsset = (x: number, y: number) => {
    const dx = x - placement.x;
    const dy = y - placement.y;
    return [
      (dx * cos + dy * sin) / scale + pivot.x * asset.width,
      (-dx * sin + dy * cos) / scale + pivot.y * asset.height,
    ];
  };
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const i = (y * target.width + x) * 4;
      if (shadow) {
        // Shadow: the asset's alpha, offset down-right and spread over a few taps, darkening 35 %.
        let a = 0;
        for (const [ox, oy] of SHADOW_TAPS) {
          const [u, v] = toAsset(x + 0.5 - offset + ox * offset, y + 0.5 - offset + oy * offset);
          sample(asset, u!, v!, px);
          a += px[3]! / 255 / SHADOW_TAPS.length;
        }
        const k = 1 - 0.35 * a;
        target.data[i] = target.data[i]! * k;
        target.data[i + 1] = target.data[i + 1]! * k;
        target.data[i + 2] = target.data[i + 2]! * k;
      }
      const [u, v] = toAsset(x + 0.5, y + 0.5);
      sample(asset, u!, v!, px);
      const a = px[3]! / 255;
      if (a <= 0) continue;
      for (let c = 0; c < 3; c++) {
        const colour = px[c]! / px[3]!;
        target.data[i + c] = Math.round(colour * a + target.data[i + c]! * (1 - a));
      }
    }
  }
}
