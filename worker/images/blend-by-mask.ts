// An edit kept only where a mask allows: for a provider that edits the whole picture by
// instruction (no mask field), the repaint is confined to the region we meant.
import { coverResize, decodeRgba, encodePng } from "./rgba";

/**
 * `edited` (any size, fitted to the original's) over `original` where `maskPng` is white (its red
 * channel is the weight, so a feathered edge blends); PNG out. Three RGBA buffers at the
 * picture's size: 24 MB at 1024×1536, within the image budget.
 */
export function blendByMask(original: Uint8Array, edited: Uint8Array, maskPng: Uint8Array): Uint8Array {
  const base = decodeRgba(original);
  const top = coverResize(edited, base.width, base.height);
  const mask = decodeRgba(maskPng);
  const fit = mask.width === base.width && mask.height === base.height;
  const out = new Uint8Array(base.data);
  for (let i = 0, n = base.width * base.height; i < n; i++) {
    const a = fit ? mask.data[i * 4]! / 255 : 0;
    if (a === 0) continue;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(top.data[i * 4 + c]! * a + base.data[i * 4 + c]! * (1 - a));
  }
  return encodePng({ width: base.width, height: base.height, data: out });
}
