// Where a result goes in a marketplace's aspect ratio: which part of the image is kept and on what
// canvas. Pure geometry; the pixels are moved by `frame-pixels.ts`. No scaling either way: the
// result keeps its own resolution, so a crop is never blurrier than the original.

/** Aspect ratios the shops take (width:height). */
export const EXPORT_ASPECTS = ["1:1", "3:4", "4:5", "9:16"] as const;
export type ExportAspect = (typeof EXPORT_ASPECTS)[number];
/** `pad`: the whole image on a larger canvas; `crop`: a part of it, cut around the person. */
export const EXPORT_FITS = ["pad", "crop"] as const;
export type ExportFit = (typeof EXPORT_FITS)[number];

/** A rectangle in pixels; `right` and `bottom` are exclusive. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the person is in the image, and the middle of their head (the top of the person). */
export interface PersonBox extends Box {
  headX: number;
}

export interface Frame {
  /** The output's size: exactly the aspect ratio. */
  canvas: { width: number; height: number };
  /** The part of the image kept (the whole image when padding). */
  source: Box;
  /** Where the source's top-left corner lands on the canvas. */
  at: { x: number; y: number };
}

/** Space kept above the head when a crop cannot hold the whole person (share of the crop's height). */
const HEADROOM = 0.03;
/** The head stays at least this share of the crop's width away from its sides. */
const HEAD_MARGIN = 0.15;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** `"4:5"` → `[4, 5]`. */
export function aspectParts(aspect: ExportAspect): [number, number] {
  const [w, h] = aspect.split(":").map(Number);
  return [w!, h!];
}

/**
 * The top-left of a `size`-long window on a `length`-long axis: the person centred in it when they
 * fit; else the window starts `lead` before the person (`lead` null: centred on the person).
 */
function place(length: number, size: number, from: number, to: number, lead: number | null): number {
  if (to - from <= size || lead === null) return clamp(Math.round((from + to - size) / 2), 0, length - size);
  return clamp(from - lead, 0, length - size);
}

/**
 * The frame of an image (`width`×`height`) in `aspect`. `crop` keeps the largest part of that
 * ratio, centred on the person; a person taller than it keeps the head (the crop starts just above
 * it and cuts the legs), one wider than it stays centred with the head well inside. `pad` keeps the
 * whole image on the smallest canvas of that ratio, the person as near its middle as the padding
 * allows. `person` null (not known): taken to fill the image, so a crop keeps the top. Sides are
 * exact multiples of the ratio's parts, so the output is exactly that ratio (a crop may lose a
 * pixel or two of an odd side).
 */
export function marketplaceFrame(
  image: { width: number; height: number },
  person: PersonBox | null,
  aspect: ExportAspect,
  fit: ExportFit,
): Frame {
  const { width, height } = image;
  const [rw, rh] = aspectParts(aspect);
  const whole = { left: 0, top: 0, right: width, bottom: height };
  const p = person ?? { ...whole, headX: width / 2 };
  const unit = Math.floor(Math.min(width / rw, height / rh));
  if (fit === "crop" && unit >= 1) {
    const [cw, ch] = [unit * rw, unit * rh];
    let x = place(width, cw, p.left, p.right, null);
    if (p.right - p.left > cw) {
      // Wider than the crop (arms spread): both sides lose alike, but never the head.
      const margin = Math.round(cw * HEAD_MARGIN);
      x = clamp(clamp(x, Math.round(p.headX) + margin - cw, Math.round(p.headX) - margin), 0, width - cw);
    }
    const y = place(height, ch, p.top, p.bottom, Math.min(p.top, Math.round(ch * HEADROOM)));
    return {
      canvas: { width: cw, height: ch },
      source: { left: x, top: y, right: x + cw, bottom: y + ch },
      at: { x: 0, y: 0 },
    };
  }
  const padUnit = Math.ceil(Math.max(width / rw, height / rh));
  const [cw, ch] = [padUnit * rw, padUnit * rh];
  // The person's centre goes to the canvas's centre, as far as the image can move.
  const at = {
    x: clamp(Math.round(cw / 2 - (p.left + p.right) / 2), 0, cw - width),
    y: clamp(Math.round(ch / 2 - (p.top + p.bottom) / 2), 0, ch - height),
  };
  return { canvas: { width: cw, height: ch }, source: whole, at };
}
