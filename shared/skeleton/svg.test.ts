import { describe, expect, it } from "vitest";
import { readOpenPose } from "../pose/openpose-json";
import { skeletonSvg } from "./svg";

const fixtures = import.meta.glob("../../tests/fixtures/openpose/*.json", { eager: true, import: "default" });
const { pose } = readOpenPose(fixtures["../../tests/fixtures/openpose/openpose-editor.json"]);

describe("SVG skeleton preview", () => {
  const svg = skeletonSvg(pose);
  const count = (re: RegExp) => (svg.match(re) ?? []).length;

  it("draws every limb whose ends are present, dimmed to 60 %", () => {
    // Two people: 17 limbs each, minus limbs touching each one's missing points.
    const limbs = count(/<ellipse /g);
    expect(limbs).toBeGreaterThan(25);
    expect(limbs).toBeLessThanOrEqual(34);
    expect(svg).toContain('fill="rgb(153,0,0)"'); // neck→right shoulder, 255 × 0.6
  });

  it("draws joints at full colour, hands as rainbow lines with blue joints", () => {
    expect(svg).toContain('r="4" fill="rgb(255,0,0)"');
    expect(count(/<line /g)).toBe(40);
    expect(count(/fill="rgb\(0,0,255\)"/g)).toBeGreaterThanOrEqual(42);
  });

  it("scales to a requested size and can leave out the background for overlays", () => {
    const big = skeletonSvg(pose, { width: 1024, height: 1536, background: false });
    expect(big).toContain('viewBox="0 0 1024 1536"');
    expect(big).not.toContain("<rect");
    const nose = pose.people[0]!.body[0]!;
    expect(big).toContain(`cx="${(nose.x * 2).toFixed(0)}"`);
  });
});
