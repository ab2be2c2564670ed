// The library's neutral mannequin as an instant-engine rig: a jointed, shaded figure (capsules and
// ellipsoids, ball joints at shoulders, elbows, hips and knees) standing with its arms a little
// away from the body, painted in code onto a transparent canvas from a pose built by the same
// figure model as the built-in templates, so every keypoint is known exactly. No photo, no asset.
import type { AvatarRig } from "../instant/contract";
import { BODY, type PosePerson } from "../pose/model";
import { buildFigure, type Figure } from "../templates/figure";
import { capsule, ellipsoid, paintSolids, type Material, type Solid } from "./shaded-solids";

/** The rig's canvas: the figure about 540 px tall, twice a card preview's figure. */
export const MANNEQUIN_SIZE = { width: 360, height: 640 };

/** A card preview's size: twice the card's 128×192, the template canvas's 2:3. */
export const PREVIEW_SIZE = { width: 256, height: 384 };

/** Arms out and legs apart enough that no limb touches the body: the engine parts it cleanly. */
const STANDING: Figure = {
  rightArm: { angles: [-20, -10] },
  leftArm: { angles: [20, 10] },
  rightLeg: { angles: [-4, 0] },
  leftLeg: { angles: [4, 0] },
};

/** Matte warm grey, like an artist's wooden mannequin, with a dark outline at each piece's rim. */
const MATERIAL: Material = { base: [226, 212, 196], ambient: 0.5, rim: 0.3 };

/** The mannequin's pose: its 18 body points in the rig's pixels. */
export function mannequinPose(): PosePerson {
  return buildFigure(STANDING, MANNEQUIN_SIZE.width, MANNEQUIN_SIZE.height, 0.08).people[0]!;
}

/** The mannequin rig: the shaded cut-out and its pose. Deterministic: the same bytes every call. */
export function mannequinRig(): AvatarRig {
  const pose = mannequinPose();
  const J = (i: number) => pose.body[i]!;
  // One head height in pixels: the figure model puts the nose 0.85 heads above the neck.
  const unit = Math.hypot(J(BODY.nose).x - J(BODY.neck).x, J(BODY.nose).y - J(BODY.neck).y) / 0.85;
  const mid = (a: number, b: number) => ({ x: (J(a).x + J(b).x) / 2, y: (J(a).y + J(b).y) / 2 });
  const hipMid = mid(BODY.rightHip, BODY.leftHip);
  const neck = J(BODY.neck);
  const along = (from: { x: number; y: number }, to: { x: number; y: number }, k: number) => ({
    x: from.x + (to.x - from.x) * k,
    y: from.y + (to.y - from.y) * k,
  });
  const beyond = (a: number, b: number, k: number) => along(J(a), J(b), 1 + k);
  const solids: Solid[] = [];
  for (const [hip, knee, ankle] of [
    [BODY.rightHip, BODY.rightKnee, BODY.rightAnkle],
    [BODY.leftHip, BODY.leftKnee, BODY.leftAnkle],
  ] as const) {
    solids.push(
      capsule(J(hip), J(knee), 0.38 * unit, 0.25 * unit),
      capsule(J(knee), J(ankle), 0.23 * unit, 0.14 * unit),
      ellipsoid(J(knee), 0.23 * unit, 0.23 * unit, 0, 0.04 * unit),
      // The foot, seen from the front: a flat ellipse under the ankle.
      ellipsoid({ x: J(ankle).x, y: J(ankle).y + 0.12 * unit }, 0.2 * unit, 0.13 * unit),
    );
  }
  const chest = along(neck, hipMid, 0.3);
  solids.push(
    ellipsoid(hipMid, 0.72 * unit, 0.48 * unit, 0, 0.05 * unit),
    capsule(along(neck, hipMid, 0.45), hipMid, 0.5 * unit, 0.55 * unit),
    ellipsoid(chest, 0.9 * unit, 0.7 * unit, 0, 0.1 * unit),
    // The shoulder yoke: joins the arms to the chest.
    capsule(J(BODY.rightShoulder), J(BODY.leftShoulder), 0.22 * unit, 0.22 * unit, 0.05 * unit),
    capsule(neck, along(neck, J(BODY.nose), 0.55), 0.2 * unit, 0.18 * unit),
    ellipsoid({ x: J(BODY.nose).x, y: J(BODY.nose).y - 0.1 * unit }, 0.42 * unit, 0.55 * unit, 0, 0.1 * unit),
  );
  for (const [shoulder, elbow, wrist] of [
    [BODY.rightShoulder, BODY.rightElbow, BODY.rightWrist],
    [BODY.leftShoulder, BODY.leftElbow, BODY.leftWrist],
  ] as const) {
    solids.push(
      ellipsoid(J(shoulder), 0.27 * unit, 0.27 * unit, 0, 0.25 * unit),
      capsule(J(shoulder), J(elbow), 0.21 * unit, 0.16 * unit, 0.25 * unit),
      ellipsoid(J(elbow), 0.16 * unit, 0.16 * unit, 0, 0.27 * unit),
      capsule(J(elbow), J(wrist), 0.15 * unit, 0.11 * unit, 0.25 * unit),
      // A mitten hand along the forearm.
      ellipsoid(beyond(elbow, wrist, 0.22), 0.15 * unit, 0.24 * unit, armAngle(J(elbow), J(wrist)), 0.25 * unit),
    );
  }
  return { cutout: paintSolids(MANNEQUIN_SIZE.width, MANNEQUIN_SIZE.height, solids, MATERIAL), pose };
}

/** The rotation (radians) that turns an ellipse's long (y) axis along the bone from a to b. */
const armAngle = (a: { x: number; y: number }, b: { x: number; y: number }) => -Math.atan2(b.x - a.x, b.y - a.y);
