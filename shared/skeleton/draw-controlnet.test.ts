import { unzlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readOpenPose } from "../pose/openpose-json";
import { drawControlNetSkeleton } from "./draw-controlnet";
import { rgbBytes } from "./raster";

const cases = import.meta.glob("../../tests/fixtures/skeleton/*.json", { eager: true, import: "default" });
const goldens = import.meta.glob("../../tests/fixtures/skeleton/*.rgb.zlib.b64", {
  eager: true,
  query: "?raw",
  import: "default",
}) as Record<string, string>;

const decode = (b64: string) => unzlibSync(Uint8Array.from(atob(b64.trim()), (ch) => ch.charCodeAt(0)));

describe("ControlNet skeleton drawing", () => {
  const names = Object.keys(cases);
  it("has golden cases to check", () => expect(names.length).toBeGreaterThanOrEqual(16));

  for (const path of names) {
    it(`matches OpenCV pixel for pixel: ${path.split("/").pop()}`, () => {
      const doc = cases[path] as { render_width?: number; render_height?: number };
      const { pose } = readOpenPose(doc);
      const img = drawControlNetSkeleton(pose, { width: doc.render_width, height: doc.render_height });
      const want = decode(goldens[path.replace(/\.json$/, ".rgb.zlib.b64")]!);
      const got = rgbBytes(img);
      expect(got.length).toBe(want.length);
      let differing = 0;
      for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) differing++;
      expect(differing).toBe(0);
    });
  }

  it("dims limbs to 60 % and draws joints at full colour", () => {
    const { pose } = readOpenPose(cases["../../tests/fixtures/skeleton/standing.json"]);
    const img = drawControlNetSkeleton(pose);
    const rgb = rgbBytes(img);
    const at = (x: number, y: number) => [...rgb.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)];
    expect(at(256, 200)).toEqual([255, 85, 0]); // neck joint
    expect(at(256, 160)).toEqual([0, 0, 153]); // neck→nose limb, 255 × 0.6
    expect(at(5, 5)).toEqual([0, 0, 0]);
  });
});
