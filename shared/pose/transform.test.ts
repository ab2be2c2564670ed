import { describe, expect, it } from "vitest";
import { BODY, type Pose } from "./model";
import { objectKeypointSimilarity } from "./oks";
import { readOpenPose } from "./openpose-json";
import { allPoints, boundingBox, fitPose, mirrorPose, rotateScalePose } from "./transform";

const fixtures = import.meta.glob("../../tests/fixtures/openpose/*.json", { eager: true, import: "default" });
const standing = (): Pose => readOpenPose(fixtures["../../tests/fixtures/openpose/openpose-editor.json"]).pose;

describe("pose geometry", () => {
  it("mirrors across the canvas and swaps left and right", () => {
    const pose = standing();
    const m = mirrorPose(pose);
    const rs = pose.people[0]!.body[BODY.rightShoulder]!;
    const ls = m.people[0]!.body[BODY.leftShoulder]!;
    expect(ls.x).toBe(pose.canvasWidth - rs.x);
    expect(ls.y).toBe(rs.y);
    expect(m.people[0]!.rightHand![0]!.x).toBe(pose.canvasWidth - pose.people[0]!.leftHand![0]!.x);
    expect(mirrorPose(m)).toEqual(pose);
  });

  it("fits a pose into a canvas with a margin, keeping its aspect", () => {
    const pose = standing();
    const fitted = fitPose(pose, 1024, 1536, 0.1);
    const box = boundingBox(allPoints(fitted))!;
    expect(box.minX).toBeGreaterThanOrEqual(102.4 - 1e-9);
    expect(box.maxX).toBeLessThanOrEqual(1024 - 102.4 + 1e-9);
    expect(box.minY).toBeGreaterThanOrEqual(153.6 - 1e-9);
    expect(box.maxY).toBeLessThanOrEqual(1536 - 153.6 + 1e-9);
    // One side touches its margin exactly.
    const touches = [box.minX - 102.4, box.minY - 153.6].some((d) => Math.abs(d) < 1e-6);
    expect(touches).toBe(true);
    const before = boundingBox(allPoints(pose))!;
    const ratio = (b: typeof box) => (b.maxX - b.minX) / (b.maxY - b.minY);
    expect(ratio(box)).toBeCloseTo(ratio(before), 9);
  });

  it("rotates and scales about the figure's centre", () => {
    const pose = standing();
    const turned = rotateScalePose(pose, 90, 1);
    const back = rotateScalePose(turned, -90, 1);
    allPoints(back).forEach((p, i) => expect(p.x).toBeCloseTo(allPoints(pose)[i]!.x, 9));
    const doubled = boundingBox(allPoints(rotateScalePose(pose, 0, 2)))!;
    const original = boundingBox(allPoints(pose))!;
    expect(doubled.maxY - doubled.minY).toBeCloseTo(2 * (original.maxY - original.minY), 9);
  });

  it("scores identical poses 1 and drifting poses lower (OKS)", () => {
    const person = standing().people[0]!;
    expect(objectKeypointSimilarity(person, person)).toBe(1);
    const shifted = rotateScalePose(standing(), 0, 1.0, undefined);
    const nudged = { ...shifted.people[0]!, body: shifted.people[0]!.body.map((p) => (p ? { ...p, x: p.x + 8 } : p)) };
    const far = { ...nudged, body: nudged.body.map((p) => (p ? { ...p, x: p.x + 60 } : p)) };
    const near = objectKeypointSimilarity(person, nudged)!;
    expect(near).toBeLessThan(1);
    expect(near).toBeGreaterThan(0.5);
    expect(objectKeypointSimilarity(person, far)!).toBeLessThan(near);
    expect(objectKeypointSimilarity(person, mirrorPose(standing()).people[0]!)!).toBeLessThan(near);
  });
});
