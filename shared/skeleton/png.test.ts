import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deflateRuns } from "./deflate-runs";
import { encodePng } from "./png";
import { createImage, rgbBytes } from "./raster";
import { fillCircle, fillConvexPoly, thickLine } from "./raster-fill";

describe("skeleton PNG encoding", () => {
  it("writes zlib that a standard inflater reads back exactly", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const cases = [
      new Uint8Array(0),
      new Uint8Array(100_000),
      Uint8Array.from({ length: 70_000 }, () => Math.floor(rand() * 256)),
      Uint8Array.from({ length: 90_000 }, (_, i) => (i % 1537 < 700 ? 0 : [255, 85, 0][i % 3]!)),
    ];
    for (const data of cases) expect(unzlibSync(deflateRuns(data, 1537))).toEqual(data);
  });

  it("encodes an RGB image as a valid PNG whose pixels decode back", () => {
    const img = createImage(300, 200);
    fillCircle(img, 150, 100, 40, [255, 0, 170]);
    fillCircle(img, 20, 20, 4, [0, 85, 255]);
    const png = encodePng(img);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    expect(view.getUint32(16)).toBe(300);
    expect(view.getUint32(20)).toBe(200);
    const idatLength = view.getUint32(33);
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe("IDAT");
    const raw = unzlibSync(png.subarray(41, 41 + idatLength));
    const rgb = rgbBytes(img);
    for (let y = 0; y < 200; y++) {
      expect(raw[y * 901]).toBe(0); // filter byte
      expect(raw.subarray(y * 901 + 1, (y + 1) * 901)).toEqual(rgb.subarray(y * 900, (y + 1) * 900));
    }
  });

  it("round-trips busy images with shapes on every edge (the zero-skipping path)", () => {
    let seed = 3;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    for (const [w, h] of [
      [64, 64],
      [333, 517],
      [1024, 96],
    ] as const) {
      const img = createImage(w, h);
      for (let k = 0; k < 40; k++) {
        const c = [rand(256), rand(256), rand(256)] as const;
        if (k % 3 === 0) fillCircle(img, rand(w + 20) - 10, rand(h + 20) - 10, rand(12), c);
        else if (k % 3 === 1) thickLine(img, { x: rand(w), y: rand(h) }, { x: rand(w), y: rand(h) }, 2, c);
        else
          fillConvexPoly(
            img,
            [
              { x: rand(w), y: rand(h) },
              { x: rand(w), y: rand(h) },
              { x: rand(w), y: rand(h) },
            ],
            c,
          );
      }
      const png = encodePng(img);
      const view = new DataView(png.buffer);
      const raw = unzlibSync(png.subarray(41, 41 + view.getUint32(33)));
      expect(raw).toEqual(img.data);
    }
  });
});
