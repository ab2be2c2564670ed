// The person's box on a result, from their mask: what a marketplace crop or pad is placed around.
import type { Mask } from "../raster/mask";
import type { PersonBox } from "./marketplace-frame";

/** A pixel at or above this is the person (masks are soft at the edges). */
const PERSON = 128;
/** The head's middle is taken over this top share of the person's height. */
const HEAD_SHARE = 0.08;

/** The smallest box around the mask's person pixels, and their head's middle; null when there are none. */
export function personBox(mask: Mask): PersonBox | null {
  const { width, height, data } = mask;
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < PERSON) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  if (right < 0) return null;
  // The head: the middle of the person's pixels in their topmost rows.
  const headRows = Math.max(1, Math.round((bottom - top + 1) * HEAD_SHARE));
  let [sum, count] = [0, 0];
  for (let y = top; y < top + headRows; y++)
    for (let x = left; x <= right; x++)
      if (data[y * width + x]! >= PERSON) {
        sum += x;
        count++;
      }
  return { left, top, right: right + 1, bottom: bottom + 1, headX: sum / count };
}
