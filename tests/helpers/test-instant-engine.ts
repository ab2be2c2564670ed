// A stand-in for the instant pose engine in Worker tests (the real one is shared/instant/): it
// maps the rig's opaque box onto the box of the target's joints, so every output depends on both
// the rig and the target pose, and counts its calls. Injected with useInstantEngine().
import { RigProblem, type AvatarRig, type RetargetedPose } from "../../shared/instant/contract";
import type { Pose } from "../../shared/pose/model";
import type { InstantEngine } from "../../worker/providers/instant/draw";

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box of the cut-out's opaque pixels (alpha ≥ 128); RigProblem when there are none. */
function opaqueBox(rig: AvatarRig): Box {
  const { width, height, data } = rig.cutout;
  const box = { x0: width, y0: height, x1: -1, y1: -1 };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[(y * width + x) * 4 + 3]! >= 128) {
        box.x0 = Math.min(box.x0, x);
        box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x);
        box.y1 = Math.max(box.y1, y);
      }
  if (box.x1 < 0) throw new RigProblem("rig_mask_empty", "The avatar's cut-out is empty.");
  return box;
}

/** The engine's three steps, counted in `calls`. */
export function testInstantEngine() {
  const calls = { prepare: 0, retarget: 0, draw: 0 };
  const engine: InstantEngine<{ rig: AvatarRig; box: Box }> = {
    prepareRig(rig) {
      calls.prepare++;
      return { rig, box: opaqueBox(rig) };
    },
    retargetPose(avatar, target: Pose): RetargetedPose {
      calls.retarget++;
      const body = target.people[0]?.body ?? [];
      const joints = avatar.body.map((own, i) => body[i] ?? own ?? { x: 0, y: 0 });
      return {
        joints: joints.map((p) => ({ x: p.x, y: p.y })),
        given: avatar.body.map((_, i) => !!body[i]),
        head: { angle: 0, scale: 1 },
        leftIsNear: false,
        armInFront: { left: false, right: false },
      };
    },
    drawInstantPose({ rig, box }, pose, size) {
      calls.draw++;
      const given = pose.joints.filter((_, i) => pose.given[i]);
      const xs = given.map((p) => p.x);
      const ys = given.map((p) => p.y);
      const to = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const { width, height } = size;
      const image = { width, height, data: new Uint8Array(width * height * 4) };
      const mask = { width, height, data: new Uint8Array(width * height) };
      const sx = (box.x1 - box.x0 + 1) / Math.max(1, to.x1 - to.x0 + 1);
      const sy = (box.y1 - box.y0 + 1) / Math.max(1, to.y1 - to.y0 + 1);
      for (let y = Math.max(0, Math.floor(to.y0)); y <= Math.min(height - 1, to.y1); y++)
        for (let x = Math.max(0, Math.floor(to.x0)); x <= Math.min(width - 1, to.x1); x++) {
          const u = Math.min(rig.cutout.width - 1, Math.floor(box.x0 + (x - to.x0) * sx));
          const v = Math.min(rig.cutout.height - 1, Math.floor(box.y0 + (y - to.y0) * sy));
          const from = (v * rig.cutout.width + u) * 4;
          const at = (y * width + x) * 4;
          image.data.set(rig.cutout.data.subarray(from, from + 4), at);
          mask.data[y * width + x] = rig.cutout.data[from + 3]! >= 128 ? 255 : 0;
        }
      const skeleton = { canvasWidth: width, canvasHeight: height, people: [] };
      return { image, mask, skeleton };
    },
  };
  return { engine, calls };
}
