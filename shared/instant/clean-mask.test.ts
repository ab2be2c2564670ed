// The cut-out's mask cleaning on a synthetic figure: a body with thin-but-real limbs, a halo of
// half-kept background specks (as a real background removal leaves grass), loose specks, a
// ball-sized island and a pinhole. The specks, the island and the pinhole go; the figure stays whole.
import { describe, expect, it } from "vitest";
import { cleanMask } from "./clean-mask";

const W = 200;
const H = 300;

/** The figure: an ellipse body, a head, two arms 8 px thick, two legs. */
function figure(x: number, y: number): boolean {
  const body = ((x - 100) / 35) ** 2 + ((y - 140) / 60) ** 2 <= 1;
  const head = (x - 100) ** 2 + (y - 62) ** 2 <= 22 ** 2;
  const arms = y >= 100 && y < 108 && x >= 20 && x < 180;
  const legs = y >= 190 && y < 280 && ((x >= 75 && x < 92) || (x >= 108 && x < 125));
  return body || head || arms || legs;
}

/** A deterministic hash in [0, 1) per pixel. */
const noise = (x: number, y: number) => {
  let h = Math.imul(x * 374761393 + y * 668265263, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
};

function cutout(): Uint8Array {
  const alpha = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let a = figure(x, y) ? 255 : 0;
      // Grass by the feet: a band of scattered half-opaque specks touching the legs.
      if (!a && y >= 260 && y < 290 && x >= 30 && x < 170 && noise(x, y) < 0.35) a = 200;
      // Loose specks over the background.
      if (!a && noise(x + 1000, y) < 0.01) a = 255;
      alpha[y * W + x] = a;
    }
  }
  // A ball: a solid island beside the feet, well apart from the legs.
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) if ((x - 165) ** 2 + (y - 240) ** 2 <= 12 ** 2) alpha[y * W + x] = 255;
  // A pinhole in the body (3 × 3).
  for (let y = 150; y < 153; y++) for (let x = 100; x < 103; x++) alpha[y * W + x] = 0;
  return alpha;
}

describe("cleanMask", () => {
  const solid = cleanMask(cutout(), W, H, { sigma: 1, open: 1.5, minHole: 30 });

  it("keeps the figure whole: its limbs, head and feet", () => {
    let kept = 0;
    let total = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (!figure(x, y)) continue;
        total++;
        if (solid[y * W + x]) kept++;
      }
    }
    expect(kept / total).toBeGreaterThan(0.98);
    // The arm tips and the feet are still there.
    for (const [x, y] of [
      [22, 104],
      [177, 104],
      [83, 277],
      [116, 277],
    ] as const) {
      expect(solid[y * W + x], `${x},${y}`).toBe(1);
    }
  });

  it("drops the specks, the grass halo and the island, and fills the pinhole", () => {
    let extra = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (solid[y * W + x] && !figure(x, y)) extra++;
    // Outside the figure: at most a pixel's rounding along the outline, no specks or grass.
    expect(extra).toBeLessThan(150);
    let grass = 0;
    for (let y = 282; y < 290; y++) for (let x = 30; x < 170; x++) grass += solid[y * W + x]!;
    expect(grass).toBe(0);
    expect(solid[240 * W + 165]).toBe(0);
    expect(solid[151 * W + 101]).toBe(1);
  });
});
