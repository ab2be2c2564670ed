// A minimal stand-in for shared/instant/rig-check.ts (the engine's own checks, not yet on this
// branch): same signature, same RigProblem codes. When that file lands, the one import in
// worker/avatars/build-rig.ts points there and this file goes.
import { RigProblem, type AvatarRig } from "../../shared/instant/contract";
import { BODY, type Keypoint } from "../../shared/pose/model";

/** Neck and both shoulders: without them the torso cannot be placed (hips may be out of frame). */
const TORSO = [BODY.neck, BODY.rightShoulder, BODY.leftShoulder];
const ALPHA_SOLID = 128;
/** Less than this share of opaque pixels: nothing was cut out. More: the background was not removed. */
const MIN_COVER = 0.01;
const MAX_COVER = 0.97;
/** The person's skeleton must span this many pixels, or there is nothing to reshape. */
const MIN_FIGURE_PX = 48;
/** At least this share of the given joints must lie on (or next to) the person. */
const MIN_ON_MASK = 0.6;
const NEAR_PX = 6;

function solidAt(rig: AvatarRig, x: number, y: number): boolean {
  const { width, height, data } = rig.cutout;
  const [cx, cy] = [Math.round(x), Math.round(y)];
  for (let dy = -NEAR_PX; dy <= NEAR_PX; dy += NEAR_PX)
    for (let dx = -NEAR_PX; dx <= NEAR_PX; dx += NEAR_PX) {
      const [px, py] = [cx + dx, cy + dy];
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      if (data[(py * width + px) * 4 + 3]! >= ALPHA_SOLID) return true;
    }
  return false;
}

/** Throws a RigProblem saying what to fix when the rig cannot be used. */
export function checkRig(rig: AvatarRig): void {
  const body = rig.pose.body;
  if (TORSO.some((j) => !body[j]))
    throw new RigProblem(
      "rig_torso_missing",
      "The pose needs at least the neck and both shoulders. Place them on the photo and save again.",
    );
  const { width, height, data } = rig.cutout;
  let solid = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! >= ALPHA_SOLID) solid++;
  const cover = solid / (width * height);
  if (cover < MIN_COVER)
    throw new RigProblem("rig_mask_empty", "The cut-out is empty: no person was cut out. Remove the background again.");
  if (cover > MAX_COVER)
    throw new RigProblem(
      "rig_mask_full",
      "The cut-out has no transparent background. Remove the photo's background, then save the pose again.",
    );
  const given = body.filter((p): p is Keypoint => p !== null);
  const xs = given.map((p) => p.x);
  const ys = given.map((p) => p.y);
  if (Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) < MIN_FIGURE_PX)
    throw new RigProblem(
      "rig_too_small",
      `The person's skeleton spans less than ${MIN_FIGURE_PX} px. Use a photo where the person fills more of the picture.`,
    );
  const onMask = given.filter((p) => solidAt(rig, p.x, p.y)).length;
  if (onMask < given.length * MIN_ON_MASK)
    throw new RigProblem(
      "rig_mask_pose_apart",
      "The pose and the cut-out do not overlap: move the joints onto the person, or cut the person out again.",
    );
}
