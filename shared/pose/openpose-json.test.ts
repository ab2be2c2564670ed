import { describe, expect, it } from "vitest";
import { OpenPoseError, readOpenPose, writeOpenPose } from "./openpose-json";

const fixtures = import.meta.glob("../../tests/fixtures/openpose/*.json", { eager: true, import: "default" });
const fixture = (name: string) => structuredClone(fixtures[`../../tests/fixtures/openpose/${name}`]);

describe("OpenPose JSON", () => {
  it("reads sd-webui-controlnet's default openpose output: normalised, animals, a hidden joint 0,0,0, parts null", () => {
    const json = fixture("a1111-controlnet.json");
    const { pose, format } = readOpenPose(json);
    expect(format).toEqual({ container: "object", coordinates: "normalized", missing: [0, 0, 0] });
    expect(pose.people[0]!.body[16]).toBeNull();
    expect(pose.people[0]!.body[0]).toEqual({ x: 256, y: 120, c: 1 });
    expect(pose.people[0]!.body[1]!.y).toBeCloseTo(200, 9);
    expect(pose.people[0]!.face).toBeNull();
  });

  it("reads sd-webui-openpose-editor's download: hidden joints 0,0,0, two people, hands, absent parts left out", () => {
    const json = fixture("openpose-editor.json");
    const { pose, format } = readOpenPose(json);
    expect(format).toEqual({ container: "object", coordinates: "pixel", missing: [0, 0, 0] });
    expect(pose.people).toHaveLength(2);
    expect(pose.people[0]!.leftHand).toHaveLength(21);
    expect(pose.people[0]!.body[17]).toBeNull();
    expect(pose.people[1]!.body[13]).toBeNull();
    expect(pose.people[1]!.leftHand).toBeNull();
  });

  it("round-trips ComfyUI's list of frames with normalised coordinates", () => {
    const json = fixture("comfyui-pose-keypoint.json") as { people: { pose_keypoints_2d: number[] }[] }[];
    const { pose, format } = readOpenPose(json);
    expect(format).toMatchObject({ container: "frames", coordinates: "normalized" });
    expect(pose.people[0]!.body[0]!.x).toBeCloseTo(256, 3);
    expect(pose.people[0]!.face).toHaveLength(70);
    // A face peak the detector did not find is written (-1/W, -1/H, 1.0) (open_pose/__init__.py L170-172).
    expect(pose.people[0]!.face![68]).toBeNull();
    expect(pose.people[0]!.face![67]).not.toBeNull();
    const back = writeOpenPose(pose, format) as typeof json;
    const original = json[0]!.people[0]!.pose_keypoints_2d;
    back[0]!.people[0]!.pose_keypoints_2d.forEach((v, i) => expect(v).toBeCloseTo(original[i]!, 12));
    expect(readOpenPose(back).format).toEqual(format);
  });

  it("converts between formats: editor JSON written as ComfyUI frames reads back to the same pose", () => {
    const { pose } = readOpenPose(fixture("openpose-editor.json"));
    const asComfy = writeOpenPose(pose, { container: "frames", coordinates: "normalized", missing: [0, 0, 0] });
    const again = readOpenPose(asComfy).pose;
    again.people.forEach((person, n) =>
      person.body.forEach((p, i) => {
        const q = pose.people[n]!.body[i];
        if (!q) return expect(p).toBeNull();
        expect(p!.x).toBeCloseTo(q.x, 9);
        expect(p!.y).toBeCloseTo(q.y, 9);
      }),
    );
  });

  const bad: [string, unknown][] = [
    ["NaN", { canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: [NaN, ...Array(53).fill(1)] }] }],
    [
      "Infinity",
      { canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: [Infinity, ...Array(53).fill(1)] }] },
    ],
    [
      "a wrong body length",
      { canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: Array(51).fill(1) }] },
    ],
    [
      "a wrong hand length",
      { canvas_width: 512, canvas_height: 512, people: [{ hand_left_keypoints_2d: Array(60).fill(1) }] },
    ],
    [
      "eleven people",
      { canvas_width: 512, canvas_height: 512, people: Array(11).fill({ pose_keypoints_2d: Array(54).fill(0) }) },
    ],
    ["a tiny canvas", { canvas_width: 8, canvas_height: 512, people: [] }],
    ["a fractional canvas", { canvas_width: 512.5, canvas_height: 512, people: [] }],
    ["no canvas", { people: [] }],
    ["a string", "pose"],
  ];
  for (const [what, json] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => readOpenPose(json)).toThrow();
      try {
        readOpenPose(json);
      } catch (err) {
        expect(err).toBeInstanceOf(OpenPoseError);
      }
    });
  }
});
