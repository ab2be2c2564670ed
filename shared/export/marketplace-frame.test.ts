import { describe, expect, it } from "vitest";
import { EXPORT_ASPECTS, aspectParts, marketplaceFrame, type Frame, type PersonBox } from "./marketplace-frame";

const SD = { width: 512, height: 768 };
const HD = { width: 1024, height: 1536 };
/** A standing person in the middle of an SD result, 80 % of its height. */
const standing: PersonBox = { left: 176, top: 77, right: 336, bottom: 691, headX: 256 };

const ratioOf = (f: Frame) => f.canvas.width / f.canvas.height;
const inside = (f: Frame, p: PersonBox) =>
  p.left >= f.source.left && p.right <= f.source.right && p.top >= f.source.top && p.bottom <= f.source.bottom;

describe("marketplace frame", () => {
  for (const aspect of EXPORT_ASPECTS) {
    const [rw, rh] = aspectParts(aspect);
    it(`${aspect} crop: exactly the ratio, inside the image, the largest such part`, () => {
      for (const image of [SD, HD]) {
        const f = marketplaceFrame(image, standing, aspect, "crop");
        expect(f.canvas.width * rh).toBe(f.canvas.height * rw);
        expect(f.source.right - f.source.left).toBe(f.canvas.width);
        expect(f.source.bottom - f.source.top).toBe(f.canvas.height);
        expect(f.source.left).toBeGreaterThanOrEqual(0);
        expect(f.source.top).toBeGreaterThanOrEqual(0);
        expect(f.source.right).toBeLessThanOrEqual(image.width);
        expect(f.source.bottom).toBeLessThanOrEqual(image.height);
        // One more unit of the ratio would not fit.
        expect(f.canvas.width + rw > image.width || f.canvas.height + rh > image.height).toBe(true);
        expect(f.at).toEqual({ x: 0, y: 0 });
      }
    });
    it(`${aspect} pad: exactly the ratio, the whole image on it, the smallest such canvas`, () => {
      for (const image of [SD, HD]) {
        const f = marketplaceFrame(image, standing, aspect, "pad");
        expect(f.canvas.width * rh).toBe(f.canvas.height * rw);
        expect(f.source).toEqual({ left: 0, top: 0, right: image.width, bottom: image.height });
        expect(f.at.x).toBeGreaterThanOrEqual(0);
        expect(f.at.y).toBeGreaterThanOrEqual(0);
        expect(f.at.x + image.width).toBeLessThanOrEqual(f.canvas.width);
        expect(f.at.y + image.height).toBeLessThanOrEqual(f.canvas.height);
        expect(f.canvas.width - rw < image.width || f.canvas.height - rh < image.height).toBe(true);
      }
    });
  }

  it("known sizes at HD", () => {
    const sizes = (fit: "pad" | "crop") =>
      EXPORT_ASPECTS.map((a) => {
        const { width, height } = marketplaceFrame(HD, standing, a, fit).canvas;
        return `${width}x${height}`;
      });
    expect(sizes("crop")).toEqual(["1024x1024", "1023x1364", "1024x1280", "864x1536"]);
    expect(sizes("pad")).toEqual(["1536x1536", "1152x1536", "1232x1540", "1026x1824"]);
  });

  it("crop keeps a person who fits, centred on them", () => {
    // 4:5 of SD is 512×640: the standing person (614 px tall) fits, centred vertically.
    const f = marketplaceFrame(SD, standing, "4:5", "crop");
    expect(f.canvas).toEqual({ width: 512, height: 640 });
    expect(inside(f, standing)).toBe(true);
    expect(f.source.top).toBe(Math.round((77 + 691 - 640) / 2));
  });

  it("crop of a person at the image's edge stays inside the image and keeps them whole", () => {
    const atBottomLeft: PersonBox = { left: 0, top: 420, right: 150, bottom: 768, headX: 70 };
    for (const aspect of EXPORT_ASPECTS) {
      const f = marketplaceFrame(SD, atBottomLeft, aspect, "crop");
      expect(inside(f, atBottomLeft)).toBe(true);
      expect(f.source.bottom).toBe(768);
    }
    const atRight: PersonBox = { left: 430, top: 100, right: 512, bottom: 400, headX: 470 };
    const f = marketplaceFrame(SD, atRight, "9:16", "crop");
    expect(f.source.right).toBe(512);
    expect(inside(f, atRight)).toBe(true);
  });

  it("crop of a person taller than the crop keeps the head: it starts just above it and cuts the legs", () => {
    // 1:1 of SD is 512×512; the person is 614 px tall.
    const f = marketplaceFrame(SD, standing, "1:1", "crop");
    expect(f.source.top).toBe(77 - Math.round(512 * 0.03));
    expect(f.source.top).toBeLessThan(standing.top);
    expect(f.source.bottom).toBeLessThan(standing.bottom);
    // A head at the very top: the crop starts at the image's top.
    const high = marketplaceFrame(SD, { ...standing, top: 5 }, "1:1", "crop");
    expect(high.source.top).toBe(0);
  });

  it("crop of a person wider than the crop cuts both sides alike and keeps the head well inside", () => {
    // 9:16 of SD is 432×768; arms spread over 480 px.
    const spread: PersonBox = { left: 16, top: 100, right: 496, bottom: 700, headX: 256 };
    const f = marketplaceFrame(SD, spread, "9:16", "crop");
    expect(f.canvas).toEqual({ width: 432, height: 768 });
    expect(f.source.left).toBe(40);
    expect(spread.left - f.source.left).toBe(-(spread.right - f.source.right) - 0);
    // The head off-centre (one arm out far to the right): the crop moves to keep it.
    const oneArm: PersonBox = { left: 40, top: 100, right: 512, bottom: 700, headX: 120 };
    const g = marketplaceFrame(SD, oneArm, "9:16", "crop");
    expect(g.source.left).toBeLessThanOrEqual(120 - Math.round(432 * 0.15));
    expect(g.source.right).toBeGreaterThanOrEqual(120 + Math.round(432 * 0.15));
  });

  it("pad puts the person near the canvas's middle as far as the padding allows", () => {
    const left: PersonBox = { left: 20, top: 100, right: 180, bottom: 700, headX: 100 };
    const f = marketplaceFrame(SD, left, "1:1", "pad");
    expect(f.canvas).toEqual({ width: 768, height: 768 });
    // The person's middle (100) would need x = 284; the image can move by 256 at most.
    expect(f.at).toEqual({ x: 256, y: 0 });
    const centred = marketplaceFrame(SD, standing, "1:1", "pad");
    expect(centred.at).toEqual({ x: 128, y: 0 });
    // 9:16 pads above and below: a person low in the picture sits higher on the canvas.
    const low: PersonBox = { left: 176, top: 300, right: 336, bottom: 768, headX: 256 };
    const tall = marketplaceFrame(SD, low, "9:16", "pad");
    expect(tall.canvas).toEqual({ width: 513, height: 912 });
    expect(tall.at.y).toBe(0);
  });

  it("an unknown person is taken to fill the image: a crop keeps its top (where a head is), centred across", () => {
    const f = marketplaceFrame(SD, null, "1:1", "crop");
    expect(f.source).toEqual({ left: 0, top: 0, right: 512, bottom: 512 });
    const wide = marketplaceFrame({ width: 800, height: 400 }, null, "1:1", "crop");
    expect(wide.source).toEqual({ left: 200, top: 0, right: 600, bottom: 400 });
    const g = marketplaceFrame(SD, null, "1:1", "pad");
    expect(g.at).toEqual({ x: 128, y: 0 });
  });
});
