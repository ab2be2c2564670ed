// Round trips per export flavour: a tool's file → import → export for that tool → the tool's own
// reader rules (docs/openpose-flavours.md) give back the same visible joints within 0.5 px.
import { describe, expect, it } from "vitest";
import type { Pose } from "./model";
import { OPENPOSE_FLAVOURS, writeOpenPoseFlavour, type OpenPoseFlavour } from "./openpose-flavours";
import { readOpenPose, type ReadOptions } from "./openpose-json";

const fixtures = import.meta.glob("../../tests/fixtures/openpose/**/*.json", { eager: true, import: "default" });
const files: [string, ReadOptions][] = [
  ["tools/cmu-1.3-body25.json", { canvas: { width: 512, height: 768 } }],
  ["tools/cmu-1.3-coco.json", { canvas: { width: 512, height: 768 } }],
  ["tools/a1111-dwpose-crop.json", {}],
  ["tools/comfyui-batch.json", { frame: 1 }],
  ["tools/old-editor.json", {}],
  ["a1111-controlnet.json", {}],
  ["openpose-editor.json", {}],
  ["comfyui-pose-keypoint.json", {}],
];

type Point = { x: number; y: number };
type Doc = { canvas_width: number; canvas_height: number; people: Record<string, number[] | null | undefined>[] };

/** Body points as a tool's reader keeps them (index → point), from the numbers it was given. */
function bodyAsRead(
  doc: Doc,
  visible: (x: number, y: number, c: number) => boolean,
  normalised: (n: number[]) => boolean,
) {
  return doc.people.map((person) => {
    const nums = person.pose_keypoints_2d ?? [];
    const [w, h] = normalised(nums) ? [doc.canvas_width, doc.canvas_height] : [1, 1];
    const kept = new Map<number, Point>();
    for (let i = 0; i < nums.length; i += 3)
      if (visible(nums[i]!, nums[i + 1]!, nums[i + 2]!)) kept.set(i / 3, { x: nums[i]! * w, y: nums[i + 1]! * h });
    return kept;
  });
}

// sd-webui-controlnet / comfyui_controlnet_aux decode_json_as_poses: c < 1.0 dropped; a part is
// normalised when all its present coordinates are within [-1, 1] (util.is_normalized).
const controlnetReader = (doc: Doc) =>
  bodyAsRead(
    doc,
    (_x, _y, c) => c >= 1,
    (n) => {
      for (let i = 0; i < n.length; i += 3)
        if (n[i + 2]! >= 1 && (Math.abs(n[i]!) > 1 || Math.abs(n[i + 1]!) > 1)) return false;
      return true;
    },
  );
/** The tools' readers, each given what that flavour writes. */
const READERS: Record<Exclude<OpenPoseFlavour, "native">, (written: unknown) => Map<number, Point>[]> = {
  // sd-webui-openpose-editor: visible iff x > 0, y > 0 and c === 1.0 (src/Openpose.ts L228-242);
  // normalised when every number is within ±1 (src/App.vue L806-812).
  editor: (w) =>
    bodyAsRead(
      w as Doc,
      (x, y, c) => x > 0 && y > 0 && c === 1,
      (n) => n.every((v) => Math.abs(v) <= 1),
    ),
  a1111: (w) => controlnetReader(w as Doc),
  // ComfyUI's readers take the first frame of the list.
  comfyui: (w) => controlnetReader((w as Doc[])[0]!),
};

/** The joints the import saw, as the tool could show them at all (the editor shows none at x ≤ 0 or y ≤ 0). */
function imported(pose: Pose, flavour: OpenPoseFlavour) {
  return pose.people.map((person) => {
    const kept = new Map<number, Point>();
    person.body.forEach((p, i) => {
      if (p && (flavour !== "editor" || (p.x > 0 && p.y > 0))) kept.set(i, { x: p.x, y: p.y });
    });
    return kept;
  });
}

describe("OpenPose export flavours", () => {
  for (const [name, options] of files) {
    for (const flavour of OPENPOSE_FLAVOURS.filter((f) => f !== "native") as (keyof typeof READERS)[]) {
      it(`${name} → import → ${flavour} export reads back with the same visible joints`, () => {
        const { pose } = readOpenPose(structuredClone(fixtures[`../../tests/fixtures/openpose/${name}`]), options);
        const back = READERS[flavour](JSON.parse(JSON.stringify(writeOpenPoseFlavour(pose, flavour))));
        const expected = imported(pose, flavour);
        expect(back.map((m) => [...m.keys()])).toEqual(expected.map((m) => [...m.keys()]));
        back.forEach((m, n) =>
          m.forEach((p, i) => {
            expect(Math.abs(p.x - expected[n]!.get(i)!.x)).toBeLessThanOrEqual(0.5);
            expect(Math.abs(p.y - expected[n]!.get(i)!.y)).toBeLessThanOrEqual(0.5);
          }),
        );
      });
    }
  }

  it("native keeps the detector's confidences", () => {
    const { pose } = readOpenPose(fixtures["../../tests/fixtures/openpose/tools/cmu-1.3-coco.json"], {
      canvas: { width: 512, height: 768 },
    });
    const again = readOpenPose(writeOpenPoseFlavour(pose, "native")).pose;
    expect(again.people[0]!.body[0]!.c).toBe(0.912345);
  });
});
