// Saving a corrected pose as an avatar's rig (PUT /api/v1/avatars/:id/rig). The server reuses the
// avatar's own cut-out; when it has none, the person is cut out here (@imgly, in a worker) and sent.
import type { Avatar } from "$shared/api/avatars";
import type { Pose } from "$shared/pose/model";
import { ApiRequestError, call, client } from "$lib/api/client";
import { removeBackgroundInWorker, type CutoutProgress } from "$lib/cutout/remove-background";
import { poseField } from "./rig-pose";

const put = (id: string, pose: Pose, cutout?: Blob) =>
  call(
    client.v1.avatars[":id"].rig.$put({
      param: { id },
      form: {
        pose: poseField(pose),
        ...(cutout ? { cutout: new File([cutout], "cutout.png", { type: "image/png" }) } : {}),
      },
    }),
  );

/**
 * Saves the pose as the avatar's rig. `photo` is the avatar's picture, cut out only when the
 * server says the avatar has no cut-out yet (or `cutout` is given, e.g. made already).
 */
export async function saveRig(
  avatar: Avatar,
  pose: Pose,
  photo: () => Promise<Blob>,
  onCutout: (p: CutoutProgress) => void,
  cutout?: Blob,
): Promise<Avatar> {
  try {
    return await put(avatar.id, pose, cutout);
  } catch (err) {
    if (cutout || !(err instanceof ApiRequestError) || err.code !== "rig_cutout_missing") throw err;
  }
  return put(avatar.id, pose, await removeBackgroundInWorker(await photo(), onCutout));
}
