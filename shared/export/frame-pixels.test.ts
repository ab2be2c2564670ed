import { describe, expect, it } from "vitest";
import { createMask } from "../raster/mask";
import type { Rgba } from "../raster/rgba";
import { framePixels } from "./frame-pixels";
import { marketplaceFrame } from "./marketplace-frame";
import { personBox } from "./person-box";

const W = 60;
const H = 90;
const RED = [220, 20, 30];

/** A wall shading from light grey (top) to darker (bottom) with a red person in a known box. */
function picture(box: { left: number; top: number; right: number; bottom: number }) {
  const image: Rgba = { width: W, height: H, data: new Uint8Array(W * H * 4) };
  const mask = createMask(W, H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const person = x >= box.left && x < box.right && y >= box.top && y < box.bottom;
      const wall = 230 - y;
      image.data.set(person ? [...RED, 255] : [wall, wall, wall, 255], i * 4);
      if (person) mask.data[i] = 255;
    }
  return { image, mask };
}
const px = (img: Rgba, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
];
const countRed = (img: Rgba) => {
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++)
    if (img.data[i * 4] === RED[0] && img.data[i * 4 + 1] === RED[1]) n++;
  return n;
};

describe("person box", () => {
  it("is the mask's extent, with the head's middle from its top rows", () => {
    const mask = createMask(W, H);
    for (let y = 10; y < 80; y++) for (let x = 20; x < 30; x++) mask.data[y * W + x] = 255;
    // An arm out to the right lower down: the box grows, the head's middle does not move.
    for (let y = 40; y < 45; y++) for (let x = 30; x < 55; x++) mask.data[y * W + x] = 255;
    expect(personBox(mask)).toEqual({ left: 20, top: 10, right: 55, bottom: 80, headX: 24.5 });
    expect(personBox(createMask(W, H))).toBeNull();
  });
});

describe("frame pixels", () => {
  it("crop copies the kept part exactly, the person whole", () => {
    const { image, mask } = picture({ left: 5, top: 40, right: 25, bottom: 90 });
    const frame = marketplaceFrame(image, personBox(mask), "1:1", "crop");
    const out = framePixels(image, frame, mask, false);
    expect([out.width, out.height]).toEqual([60, 60]);
    expect(countRed(out)).toBe(20 * 50);
    expect(px(out, 59, 0)).toEqual(px(image, 59, frame.source.top));
  });

  it("pad continues the wall beside the image row by row, never the person's colour", () => {
    // The person touches the left edge: the padding there must still be wall.
    const { image, mask } = picture({ left: 0, top: 30, right: 20, bottom: 90 });
    const frame = marketplaceFrame(image, personBox(mask), "1:1", "pad");
    expect(frame.canvas).toEqual({ width: 90, height: 90 });
    const out = framePixels(image, frame, mask, false);
    expect(countRed(out)).toBe(20 * 60);
    expect(frame.at.x).toBe(30);
    for (const y of [5, 45, 85]) {
      const wall = 230 - y;
      // Right beside the picture: the wall at that height; far out, softened over more rows.
      for (const [x, within] of [
        [frame.at.x - 1, 4],
        [0, 12],
      ] as const) {
        const [r, g, b, a] = px(out, x, y);
        expect(Math.abs(r! - wall), `${x},${y}`).toBeLessThanOrEqual(within);
        expect(g).toBe(r);
        expect(b).toBe(r);
        expect(a).toBe(255);
      }
    }
  });

  it("pad above and below takes each column's edge colour; a cut-out pads with transparency", () => {
    const { image, mask } = picture({ left: 20, top: 10, right: 40, bottom: 80 });
    const frame = marketplaceFrame(image, personBox(mask), "9:16", "pad");
    expect(frame.canvas.width * 16).toBe(frame.canvas.height * 9);
    const out = framePixels(image, frame, mask, false);
    expect(Math.abs(px(out, frame.at.x + 30, 0)[0]! - 230)).toBeLessThanOrEqual(4);
    expect(Math.abs(px(out, frame.at.x + 30, out.height - 1)[0]! - (230 - 89))).toBeLessThanOrEqual(4);
    const cutout = framePixels(image, frame, mask, true);
    expect(px(cutout, frame.at.x + 30, 0)).toEqual([0, 0, 0, 0]);
    expect(countRed(cutout)).toBe(20 * 70);
  });
});
