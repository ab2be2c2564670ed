// Files as CMU OpenPose, sd-webui-controlnet, ComfyUI and the older editor write them
// (tests/fixtures/SOURCES.md) open, with a reason named for each refusal.
import { describe, expect, it } from "vitest";
import { BODY } from "./model";
import { CanvasSizeMissing, FrameChoiceNeeded, readOpenPose } from "./openpose-json";

const fixtures = import.meta.glob("../../tests/fixtures/openpose/tools/*.json", { eager: true, import: "default" });
const fixture = (name: string) => structuredClone(fixtures[`../../tests/fixtures/openpose/tools/${name}`]);
const refused = (json: unknown, options?: Parameters<typeof readOpenPose>[1]) => {
  try {
    readOpenPose(json, options);
  } catch (err) {
    return err as Error;
  }
  throw new Error("it was read");
};
const refusal = (json: unknown, options?: Parameters<typeof readOpenPose>[1]) => refused(json, options).message;

describe("OpenPose files from real tools", () => {
  it("reads CMU OpenPose 1.3 BODY_25 on the canvas asked for, mapped to the 18 points by name", () => {
    const { pose } = readOpenPose(fixture("cmu-1.3-body25.json"), { canvas: { width: 512, height: 768 } });
    const person = pose.people[0]!;
    expect(pose.canvasWidth).toBe(512);
    expect(person.body).toHaveLength(18);
    // BODY_25 index 9 (RHip) becomes the 18-point RHip; MidHip (8) is left out.
    expect(person.body[BODY.rightHip]).toEqual({ x: 227.661, y: 379.202, c: 0.702231 });
    expect(person.body[BODY.leftAnkle]).toEqual({ x: 292.447, y: 641.002, c: 0.701158 });
    expect(person.body[BODY.leftEar]).toBeNull();
    // Parts not computed are written as [].
    expect(person.face).toBeNull();
    expect(person.leftHand).toBeNull();
  });

  it("reads CMU OpenPose 1.3 COCO-18 as the same pose", () => {
    const options = { canvas: { width: 512, height: 768 } };
    const coco = readOpenPose(fixture("cmu-1.3-coco.json"), options).pose;
    expect(coco.people[0]!.body).toEqual(readOpenPose(fixture("cmu-1.3-body25.json"), options).pose.people[0]!.body);
  });

  it("asks for the canvas size when a CMU file has none, naming the fields", () => {
    const message = refusal(fixture("cmu-1.3-body25.json"));
    expect(message).toContain("canvas_width");
    expect(message).toContain("?width=");
    // Typed, so the editor can ask for the size instead of showing the text.
    expect(refused(fixture("cmu-1.3-body25.json"))).toBeInstanceOf(CanvasSizeMissing);
  });

  it("keeps points outside the canvas, as detectors write them", () => {
    const { pose } = readOpenPose(fixture("a1111-dwpose-crop.json"));
    expect(pose.people[0]!.body[BODY.rightAnkle]!.y).toBeGreaterThan(512);
    expect(pose.people[0]!.body[BODY.rightAnkle]).toEqual({ x: 219.875, y: 520.119, c: 1 });
    expect(pose.people[0]!.body[BODY.leftEar]).toBeNull();
  });

  it("asks which frame of a ComfyUI batch, and reads the one chosen", () => {
    const message = refusal(fixture("comfyui-batch.json"));
    expect(message).toContain("2 frames");
    expect(message).toContain("?frame=");
    const asked = refused(fixture("comfyui-batch.json"));
    expect(asked).toBeInstanceOf(FrameChoiceNeeded);
    expect((asked as FrameChoiceNeeded).frames).toBe(2);
    const second = readOpenPose(fixture("comfyui-batch.json"), { frame: 1 }).pose;
    const first = readOpenPose(fixture("comfyui-batch.json"), { frame: 0 }).pose;
    expect(second.people[0]!.body[BODY.nose]!.x - first.people[0]!.body[BODY.nose]!.x).toBeCloseTo(40, 9);
    expect(refusal(fixture("comfyui-batch.json"), { frame: 2 })).toContain("frame 2");
  });

  it("reads the older editors' {width, height, keypoints} documents, every joint visible", () => {
    const { pose } = readOpenPose(fixture("old-editor.json"));
    expect([pose.canvasWidth, pose.canvasHeight]).toEqual([512, 768]);
    expect(pose.people[0]!.body[BODY.nose]).toEqual({ x: 256, y: 118, c: 1 });
    expect(pose.people[0]!.body.every((p) => p !== null)).toBe(true);
    const doc = fixture("old-editor.json") as { keypoints: number[][] };
    doc.keypoints.push([10, 10]);
    expect(refusal(doc)).toMatch(/keypoints.*19 points.*18/);
  });

  it("names the field and what was expected for a malformed file", () => {
    const doc = { canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: Array(45).fill(1) }] };
    const message = refusal(doc);
    expect(message).toContain("people[0].pose_keypoints_2d");
    expect(message).toContain("45");
    expect(message).toMatch(/54.*75/);
    expect(refusal({ canvas_width: 512, canvas_height: 512, people: "x" })).toContain("people");
    for (const json of [{ canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: "x" }] }, [], "pose"]) {
      expect(refusal(json)).not.toMatch(/Invalid input/);
    }
  });

  it("refuses OpenPose's MPI bodies by name", () => {
    const doc = { canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: Array(45).fill(1) }] };
    expect(refusal(doc)).toContain("MPI");
  });
});
