// The rig at upload: with the cut-out at hand (the background was removed, or the photo is a
// transparent PNG already) the pose goes with the upload; otherwise the avatar is saved first and
// its pose after, once the person is cut out (so an upload never waits for the cut-out).
import type { Pose } from "$shared/pose/model";
import { isCutout, poseField } from "./rig-pose";

/**
 * Adds `pose` and `cutout` to the upload form when the cut-out is at hand and returns null;
 * else returns the photo, to cut out and save the rig from once the avatar exists.
 */
export async function addRigFields(
  form: FormData,
  pose: Pose,
  photo: File,
  photoUrl: string,
  cutOut: boolean,
): Promise<File | null> {
  const transparent = cutOut || (photo.type === "image/png" && (await isCutout(photoUrl)));
  if (!transparent) return photo;
  form.set("cutout", photo);
  form.set("pose", poseField(pose));
  return null;
}
