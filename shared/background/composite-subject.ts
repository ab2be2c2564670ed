// The person onto a backdrop: a contact shadow under the feet first, then the subject's colours
// moved toward the scene's light, then an alpha composite through the person mask.
import type { Pose } from "../pose/model";
import { at, headSize } from "../pose/body-geometry";
import type { Rgba } from "../raster/rgba";
import type { Mask } from "../raster/mask";
import { labStats, transferColour } from "./colour";

/** Darkens the backdrop in a soft ellipse under each person's ankles. */
export function contactShadow(backdrop: Rgba, pose: Pose, strength = 0.4) {
  for (const person of pose.people) {
    const head = headSize(person);
    const ankles = [at(person, "rightAnkle"), at(person, "leftAnkle")].filter((a) => a !== null);
    if (!head || ankles.length === 0) continue;
    const xs = ankles.map((a) => a.x);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = Math.max(...ankles.map((a) => a.y)) + head * 0.22;
    const rx = (Math.max(...xs) - Math.min(...xs)) / 2 + head * 0.8;
    const ry = head * 0.22;
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(backdrop.height, cy + ry); y++) {
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(backdrop.width, cx + rx); x++) {
        const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
        if (d >= 1) continue;
        const k = 1 - strength * (1 - d) ** 2;
        const i = (y * backdrop.width + x) * 4;
        for (let c = 0; c < 3; c++) backdrop.data[i + c] = Math.round(backdrop.data[i + c]! * k);
      }
    }
  }
}

export interface CompositeOptions {
  pose?: Pose | null;
  /** 0–1: how far the subject's colours move toward the scene's. */
  colourMatch?: number;
}

/** The subject over the backdrop (same size), as a new RGBA image. */
export function compositeSubject(subject: Rgba, mask: Mask, backdrop: Rgba, options: CompositeOptions = {}): Rgba {
  const out: Rgba = { width: backdrop.width, height: backdrop.height, data: Uint8Array.from(backdrop.data) };
  if (options.pose) contactShadow(out, options.pose);
  const strength = options.colourMatch ?? 0.3;
  const weight = (i: number) => mask.data[i]! / 255;
  const from = strength > 0 ? labStats(subject.data, weight) : null;
  const to = strength > 0 ? labStats(backdrop.data, () => 1, 7) : null;
  for (let i = 0; i < mask.data.length; i++) {
    const a = mask.data[i]! / 255;
    if (a === 0) continue;
    const o = i * 4;
    let [r, g, b] = [subject.data[o]!, subject.data[o + 1]!, subject.data[o + 2]!];
    if (from && to) [r, g, b] = transferColour(r, g, b, from, to, strength);
    out.data[o] = Math.round(r * a + out.data[o]! * (1 - a));
    out.data[o + 1] = Math.round(g * a + out.data[o + 1]! * (1 - a));
    out.data[o + 2] = Math.round(b * a + out.data[o + 2]! * (1 - a));
  }
  return out;
}

/** The subject alone on transparency: its alpha is the mask ("remove background"). */
export function cutOut(subject: Rgba, mask: Mask): Rgba {
  const data = Uint8Array.from(subject.data);
  for (let i = 0; i < mask.data.length; i++) data[i * 4 + 3] = mask.data[i]!;
  return { width: subject.width, height: subject.height, data };
}
