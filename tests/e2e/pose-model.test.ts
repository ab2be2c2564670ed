import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLandmarksInChromium } from "../reference/detect-landmarks";

const fixture = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
  landmarks: { x: number; y: number; visibility: number }[];
};

describe("the PoseLandmarker model built from npm packages", () => {
  it("loads in Chromium from our own files and finds the same 33 landmarks on messi5.jpg", async () => {
    const result = await detectLandmarksInChromium("tests/fixtures/messi5.jpg", "full");
    expect(result.landmarks).toHaveLength(33);
    result.landmarks.forEach((l, i) => {
      // Same model, same image: within 1 % of the image size of the committed fixture.
      expect(Math.abs(l.x - fixture.landmarks[i]!.x), `landmark ${i} x`).toBeLessThan(0.01);
      expect(Math.abs(l.y - fixture.landmarks[i]!.y), `landmark ${i} y`).toBeLessThan(0.01);
    });
  });

  it("the lite model (for the webcam) also finds a full body", async () => {
    const result = await detectLandmarksInChromium("tests/fixtures/messi5.jpg", "lite");
    expect(result.landmarks).toHaveLength(33);
    const visible = result.landmarks.filter((l) => l.visibility > 0.5).length;
    expect(visible).toBeGreaterThanOrEqual(25);
  });
});
