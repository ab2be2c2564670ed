// One pose: pin targets from the retargeted skeleton (joints, bone samples, the head's and the
// hands'/feet's rigid transforms), the ARAP solve, then the parts drawn back to front — far leg,
// near leg, torso, head, arms (an arm behind the torso when it is the far one and does not cross
// in front) — into an RGBA picture with its exact mask and the skeleton it followed.
import { BODY, LIMBS, type Pose } from "../pose/model";
import { solveArap } from "./arap";
import { HEAD, LEFT_ARM, LEFT_LEG, RIGHT_ARM, RIGHT_LEG, TORSO } from "./body";
import type { InstantPicture, OutputSize, RetargetedPose } from "./contract";
import { PIN_END, PIN_HEAD, PIN_JOINT, PIN_SAMPLE } from "./pins";
import type { PreparedRig } from "./prepare-rig";
import { drawTriangles, fillPinholes, finish } from "./rasterise";
import { untangle } from "./untangle";

/** The pose's overall size change: the median ratio of target to avatar bone lengths. */
function poseScale(prepared: PreparedRig, target: RetargetedPose): number {
  const P = prepared.body.joints;
  const T = target.joints;
  const ratios: number[] = [];
  for (const [a, b] of LIMBS) {
    const pa = P[a];
    const pb = P[b];
    if (!pa || !pb) continue;
    const rest = Math.hypot(pb.x - pa.x, pb.y - pa.y);
    if (rest > 1) ratios.push(Math.hypot(T[b]!.x - T[a]!.x, T[b]!.y - T[a]!.y) / rest);
  }
  ratios.sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] ?? target.head.scale / prepared.scale;
}

/** Every pin's target in output pixels (x, y per pin). */
function pinTargets(prepared: PreparedRig, target: RetargetedPose): Float64Array {
  const { pins } = prepared.arap;
  const P = prepared.body.joints;
  const T = target.joints;
  const out = new Float64Array(2 * pins.count);
  // The head: rotation and scale about the centroid of the face joints the avatar shows.
  const face = prepared.body.head?.faceJoints ?? [];
  const mean = (pts: { x: number; y: number }[]) => ({
    x: pts.reduce((s, p) => s + p.x, 0) / Math.max(1, pts.length),
    y: pts.reduce((s, p) => s + p.y, 0) / Math.max(1, pts.length),
  });
  const headFrom = mean(face.map((j) => P[j]!));
  const headTo = mean(face.map((j) => T[j]!));
  const hs = target.head.scale / prepared.scale;
  const hc = Math.cos(target.head.angle) * hs;
  const hn = Math.sin(target.head.angle) * hs;
  for (let p = 0; p < pins.count; p++) {
    const a = pins.a[p]!;
    const b = pins.b[p]!;
    const rx = pins.rest[2 * p]!;
    const ry = pins.rest[2 * p + 1]!;
    let x = 0;
    let y = 0;
    const kind = pins.kind[p];
    if (kind === PIN_JOINT) [x, y] = [T[a]!.x, T[a]!.y];
    else if (kind === PIN_SAMPLE) {
      const t = pins.t[p]!;
      [x, y] = [T[a]!.x + (T[b]!.x - T[a]!.x) * t, T[a]!.y + (T[b]!.y - T[a]!.y) * t];
    } else if (kind === PIN_HEAD) {
      const dx = rx - headFrom.x;
      const dy = ry - headFrom.y;
      [x, y] = [headTo.x + hc * dx - hn * dy, headTo.y + hn * dx + hc * dy];
    } else if (kind === PIN_END) {
      // Rigid with the lower bone: its rotation and length change, about the end joint.
      const sx = P[b]!.x - P[a]!.x;
      const sy = P[b]!.y - P[a]!.y;
      const tx = T[b]!.x - T[a]!.x;
      const ty = T[b]!.y - T[a]!.y;
      const n2 = sx * sx + sy * sy;
      const c = (sx * tx + sy * ty) / n2;
      const s = (sx * ty - sy * tx) / n2;
      const dx = rx - P[b]!.x;
      const dy = ry - P[b]!.y;
      [x, y] = [T[b]!.x + c * dx - s * dy, T[b]!.y + s * dx + c * dy];
    }
    out[2 * p] = x;
    out[2 * p + 1] = y;
  }
  return out;
}

/**
 * The deformed mesh for a pose: output-pixel positions (x, y per vertex of `prepared.mesh`).
 * Exposed for mesh checks (folds) and previews that draw with WebGL.
 */
export function deformRig(prepared: PreparedRig, target: RetargetedPose): Float64Array {
  if (target.joints.length !== 18 || target.joints.some((p) => !Number.isFinite(p?.x) || !Number.isFinite(p?.y))) {
    throw new Error("the retargeted pose needs all 18 joints as finite numbers");
  }
  const scale = poseScale(prepared, target);
  const positions = solveArap(prepared.arap, pinTargets(prepared, target), scale);
  untangle(prepared.mesh.triangles, prepared.mesh.points, positions, scale);
  return positions;
}

/** Parts in drawing order, back to front. */
export function layerOrder(target: RetargetedPose): number[] {
  const left = target.leftIsNear;
  const [nearArm, farArm] = left ? [LEFT_ARM, RIGHT_ARM] : [RIGHT_ARM, LEFT_ARM];
  const [nearLeg, farLeg] = left ? [LEFT_LEG, RIGHT_LEG] : [RIGHT_LEG, LEFT_LEG];
  const crosses = (arm: number) => (arm === LEFT_ARM ? target.armInFront.left : target.armInFront.right);
  const nearWrist = nearArm === LEFT_ARM ? BODY.leftWrist : BODY.rightWrist;
  // The far arm goes behind unless it crosses in front; the near arm is in front unless its
  // wrist is hidden and it does not cross (an arm behind the back).
  const front = [farArm, nearArm].filter((arm) => crosses(arm) || (arm === nearArm && target.given[nearWrist]));
  const back = [farArm, nearArm].filter((arm) => !front.includes(arm));
  return [...back, farLeg, nearLeg, TORSO, HEAD, ...front];
}

/** The person in the target pose: RGBA + exact mask + skeleton, at the output size. */
export function drawInstantPose(prepared: PreparedRig, target: RetargetedPose, size: OutputSize): InstantPicture {
  const { width, height } = size;
  const positions = deformRig(prepared, target);
  // Draw only the person's box (whole pixels, inside the picture): less memory and less to finish.
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let v = 0; v < positions.length; v += 2) {
    x0 = Math.min(x0, positions[v]!);
    x1 = Math.max(x1, positions[v]!);
    y0 = Math.min(y0, positions[v + 1]!);
    y1 = Math.max(y1, positions[v + 1]!);
  }
  const left = Math.max(0, Math.floor(x0) - 1);
  const top = Math.max(0, Math.floor(y0) - 1);
  const region = {
    left,
    top,
    width: Math.max(0, Math.min(width, Math.ceil(x1) + 2) - left),
    height: Math.max(0, Math.min(height, Math.ceil(y1) + 2) - top),
  };
  const shifted = new Float64Array(positions.length);
  for (let v = 0; v < positions.length; v += 2) {
    shifted[v] = positions[v]! - left;
    shifted[v + 1] = positions[v + 1]! - top;
  }
  const canvas = new Float32Array(region.width * region.height * 4);
  for (const part of layerOrder(target)) {
    const tris = prepared.partTriangles[part]!;
    const { texture, mesh } = prepared;
    drawTriangles(canvas, region.width, region.height, texture, mesh.triangles, tris, shifted, mesh.points);
  }
  fillPinholes(canvas, region.width, region.height);
  const { data, mask } = finish(canvas, region, width, height);
  const skeleton: Pose = {
    canvasWidth: width,
    canvasHeight: height,
    people: [
      {
        // Synthesised joints are left out (null): they were not in the target pose.
        body: target.joints.map((p, i) => (target.given[i] ? { x: p.x, y: p.y, c: 1 } : null)),
        face: null,
        leftHand: null,
        rightHand: null,
      },
    ],
  };
  return { image: { width, height, data }, mask: { width, height, data: mask }, skeleton };
}
