// Is an avatar's rig usable by the instant engine? Each reason it is not is a RigProblem (a 422)
// whose message tells the user what to fix. Cheap: the mask is read on a sparse grid of samples,
// never copied.
import { BODY, type PosePerson } from "../pose/model";
import type { Rgba } from "../raster/rgba";
import { RigProblem, type AvatarRig } from "./contract";
import { isPresent, TORSO_POINTS } from "./skeleton-tree";

/** Smallest rig image side, in pixels. */
export const MIN_RIG_SIDE = 64;
/** Smallest share of the image the person's bounding box may cover. */
export const MIN_PERSON_SHARE = 0.1;
/** Share of opaque samples from which a cut-out counts as not cut out at all. */
const FULL_SHARE = 0.98;
/** Samples per side of the grid the mask is read on. */
const GRID = 160;

const OPAQUE = 128;

/**
 * The torso joints the engine cannot place a body without, by name, that the pose lacks: the
 * neck, both shoulders and a hip — no hip is needed when `hipsOutOfFrame` (a half-body picture
 * whose person runs off the bottom edge: the engine gives it hips of standard proportions).
 */
export function missingTorsoJoints(person: PosePerson, hipsOutOfFrame = false): string[] {
  const has = (i: number) => isPresent(person.body[i]);
  const missing: string[] = [];
  if (!has(BODY.neck)) missing.push("the neck");
  if (!has(BODY.rightShoulder)) missing.push("the right shoulder");
  if (!has(BODY.leftShoulder)) missing.push("the left shoulder");
  if (!has(BODY.rightHip) && !has(BODY.leftHip) && !hipsOutOfFrame) missing.push("a hip");
  return missing;
}

/** The `rig_torso_missing` problem for a pose lacking torso joints. */
export function torsoMissing(person: PosePerson, hipsOutOfFrame = false): RigProblem {
  const missing = missingTorsoJoints(person, hipsOutOfFrame);
  const list = missing.length > 1 ? `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}` : missing[0];
  return new RigProblem(
    "rig_torso_missing",
    `The avatar's pose lacks ${list ?? "the torso"}. Mark the neck, both shoulders and at least one hip on the ` +
      "photo, or use a photo that shows the person down to the hips.",
  );
}

const alphaAt = (image: Rgba, x: number, y: number) =>
  x < 0 || y < 0 || x >= image.width || y >= image.height ? 0 : image.data[(y * image.width + x) * 4 + 3]!;

/** The opaque share of a sparse grid over the image, its opaque samples' bounding-box share, whether they reach the bottom row. */
function sampleMask(image: Rgba) {
  const nx = Math.min(image.width, GRID);
  const ny = Math.min(image.height, GRID);
  let opaque = 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let j = 0; j < ny; j++) {
    const y = Math.floor(((j + 0.5) * image.height) / ny);
    for (let i = 0; i < nx; i++) {
      const x = Math.floor(((i + 0.5) * image.width) / nx);
      if (alphaAt(image, x, y) < OPAQUE) continue;
      opaque++;
      minX = Math.min(minX, i);
      maxX = Math.max(maxX, i);
      minY = Math.min(minY, j);
      maxY = Math.max(maxY, j);
    }
  }
  // The box spans whole grid cells, so a one-sample person still has an area.
  const boxShare = opaque ? ((maxX - minX + 1) * (maxY - minY + 1)) / (nx * ny) : 0;
  return { share: opaque / (nx * ny), boxShare, reachesBottom: maxY === ny - 1 };
}

/** Whether the mask is opaque at a point or anywhere on two small rings around it. */
function nearMask(image: Rgba, p: { x: number; y: number }, radius: number): boolean {
  for (const r of [0, radius / 2, radius]) {
    for (let k = 0; k < (r ? 8 : 1); k++) {
      const a = (k * Math.PI) / 4;
      if (alphaAt(image, Math.floor(p.x + r * Math.cos(a)), Math.floor(p.y + r * Math.sin(a))) >= OPAQUE) return true;
    }
  }
  return false;
}

/**
 * Throws a RigProblem when the rig cannot give a good picture: a picture under 64 px a side or a
 * person under ~10 % of it (`rig_too_small`), a pose without the torso (`rig_torso_missing`: the
 * neck, both shoulders and a hip, unless the person runs off the picture's bottom edge), an
 * empty or a not cut-out mask (`rig_mask_empty`, `rig_mask_full`), or a pose whose torso lies
 * mostly off the person (`rig_mask_pose_apart`). Returns nothing when the rig is usable.
 */
export function checkRig(rig: AvatarRig): void {
  const { cutout, pose } = rig;
  if (cutout.width < MIN_RIG_SIDE || cutout.height < MIN_RIG_SIDE) {
    throw new RigProblem(
      "rig_too_small",
      `The avatar's picture is ${cutout.width}×${cutout.height} px; it needs at least ${MIN_RIG_SIDE} px on each ` +
        "side. Use a larger photo.",
    );
  }
  const { share, boxShare, reachesBottom } = sampleMask(cutout);
  if (share === 0) {
    throw new RigProblem(
      "rig_mask_empty",
      "The cut-out is empty: nothing of the person was kept. Cut the person out again, or use a photo where " +
        "the person stands out from the background.",
    );
  }
  if (share >= FULL_SHARE) {
    throw new RigProblem(
      "rig_mask_full",
      "The cut-out covers the whole picture: the background was not removed. Remove the background so that " +
        "only the person is left, then save again.",
    );
  }
  if (boxShare < MIN_PERSON_SHARE) {
    throw new RigProblem(
      "rig_too_small",
      `The person covers only ${Math.round(boxShare * 100)} % of the picture; they need at least ` +
        `${MIN_PERSON_SHARE * 100} %. Crop the photo closer to the person, or use one where the person is larger.`,
    );
  } // The mask first: a pose cannot be judged on a cut-out that is empty, whole or a speck.
  if (missingTorsoJoints(pose, reachesBottom).length > 0) throw torsoMissing(pose, reachesBottom);

  const radius = Math.max(3, 0.02 * Math.max(cutout.width, cutout.height));
  const torso = TORSO_POINTS.map((i) => pose.body[i]).filter(isPresent);
  const inside = torso.filter((p) => nearMask(cutout, p, radius)).length;
  if (inside * 2 < torso.length) {
    throw new RigProblem(
      "rig_mask_pose_apart",
      "The pose does not sit on the person: most of the neck, shoulders and hips lie outside the cut-out. " +
        "Move those joints onto the person, or cut out the person the pose was made for.",
    );
  }
}
