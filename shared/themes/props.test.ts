import { describe, expect, it } from "vitest";
import { drawPlacement } from "../fashion/composite";
import { keepInside, placementCorners } from "../fashion/placement-box";
import type { Pose } from "../pose/model";
import type { Rgba } from "../raster/rgba";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import { placeProps } from "./props";

const [W, H] = [512, 768];
/** The cap's drawing as the build renders it (pilot-cap.svg is 160 × 90), fully opaque. */
const CAP: Rgba = { width: 160, height: 90, data: new Uint8ClampedArray(160 * 90 * 4).fill(255) };

/** A built-in pose moved up until its nose is `noseY` px from the top edge. */
function headNearTop(noseY: number): Pose {
  const pose = buildFigure(BUILT_IN_TEMPLATES[0]!.figure, W, H);
  const nose = pose.people[0]!.body[0]!;
  const dy = noseY - nose.y;
  const move = (s: { x: number; y: number; c: number } | null) => (s ? { ...s, y: s.y + dy } : s);
  return {
    ...pose,
    people: pose.people.map((p) => ({ ...p, body: p.body.map(move), face: p.face?.map(move) ?? null })),
  };
}

/** Pixels the (white) drawing covered in a black picture, without shadow, and how many in its top two rows. */
function drawn(placement: Parameters<typeof drawPlacement>[2]) {
  const target: Rgba = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  drawPlacement(target, CAP, placement, false);
  let covered = 0;
  let topRows = 0;
  for (let i = 0; i < target.data.length; i += 4) {
    if (target.data[i]! < 128) continue;
    covered++;
    if (i / 4 < 2 * W) topRows++;
  }
  return { covered, topRows };
}

describe("theme props stay inside the picture", () => {
  it("a pilot cap on a head 20 px below the top edge is drawn whole, off the edge", () => {
    const [cap] = placeProps(headNearTop(20), ["pilot-cap"]);
    expect(cap?.keepInside).toBe(true);
    // As placed on the head, the crown is above the picture (what was cut off).
    expect(Math.min(...placementCorners(cap!, CAP).map((c) => c[1]))).toBeLessThan(0);

    const kept = keepInside(cap!, CAP, { width: W, height: H });
    for (const [x, y] of placementCorners(kept, CAP)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(W);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(H);
    }
    // Every pixel of the drawing lands in the picture: its whole area is covered, none on the edge.
    const area = kept.width * (kept.width * (CAP.height / CAP.width));
    const { covered, topRows } = drawn(kept);
    expect(covered).toBeGreaterThan(area * 0.97);
    expect(topRows).toBe(0);
    // Moved as little as needed: still across the head, not dropped to the face.
    expect(Math.abs(kept.x - cap!.x)).toBeLessThan(1);
    expect(kept.y - cap!.y).toBeLessThan(kept.width);
  });

  it("a cap already inside the picture is left where the head puts it", () => {
    const [cap] = placeProps(headNearTop(200), ["pilot-cap", "chef-hat"]);
    expect(keepInside(cap!, CAP, { width: W, height: H })).toEqual(cap);
  });

  it("a drawing larger than the picture is shrunk to fit", () => {
    const huge = { asset: "pilot-cap" as const, x: W / 2, y: H / 2, angle: 0, width: W * 2, keepInside: true };
    const kept = keepInside(huge, CAP, { width: W, height: H });
    expect(kept.width).toBeLessThanOrEqual(W);
    for (const [x, y] of placementCorners(kept, CAP)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(W);
      expect(y).toBeGreaterThanOrEqual(0);
    }
  });
});
