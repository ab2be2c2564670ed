// Making and storing an avatar's rig: from the request's pose and cut-out (or the cut-out the
// avatar already has), checked, scaled to the engine's working size; the PNG in R2 under the
// avatar's own prefix, the pose in the row.
import { and, eq } from "drizzle-orm";
import { inspectImage } from "../../shared/images/inspect-image";
import { writeOpenPose } from "../../shared/pose/openpose-json";
import type { AvatarRig } from "../../shared/api/avatars";
import { db } from "../db/client";
import { avatars, type Avatar as AvatarRow } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { r2Keys } from "../storage/r2-keys";
import { buildRig, type BuiltRig } from "./build-rig";
import { readCutout } from "./read-cutout";
import { readRigPose } from "./read-rig-pose";

type CheckedImage = Awaited<ReturnType<typeof readCutout>>;

const noCutout = () =>
  new ApiError(
    422,
    "rig_cutout_missing",
    "cutout: the rig needs the person cut out of the photo (a transparent PNG); send it with the pose.",
  );

/** The rig from a pose field and a checked cut-out of the photo (width × height). */
export async function rigFromFields(
  pose: string | File,
  cutout: CheckedImage | null,
  photo: { width: number; height: number },
): Promise<BuiltRig> {
  const person = await readRigPose(pose, photo);
  if (!cutout) throw noCutout();
  return buildRig(cutout.bytes, cutout.header, person);
}

/** The avatar's own cut-out from R2 (checked when it was uploaded), or null. */
async function storedCutout(env: Env, row: AvatarRow): Promise<CheckedImage | null> {
  const object = row.cutoutKey ? await env.IMAGES.get(row.cutoutKey) : null;
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  const header = inspectImage(bytes);
  return header.ok ? { bytes, header } : null;
}

/**
 * Replaces the avatar's rig (PUT …/rig): the cut-out sent, else the one stored with the avatar.
 * Returns the updated row; a 404 when the avatar went meanwhile (its rig object goes too).
 */
export async function replaceRig(env: Env, row: AvatarRow, pose: string | File, cutout?: File): Promise<AvatarRow> {
  const photo = { width: row.width, height: row.height };
  const mask = cutout ? await readCutout(env, cutout, photo) : await storedCutout(env, row);
  const rig = await rigFromFields(pose, mask, photo);
  const rigKey = r2Keys.avatarRig(row.userId, row.id);
  await env.IMAGES.put(rigKey, rig.png, { httpMetadata: { contentType: "image/png" } });
  const [updated] = await db(env)
    .update(avatars)
    .set({ rigKey, rigPose: rig.pose })
    .where(and(eq(avatars.id, row.id), eq(avatars.userId, row.userId)))
    .returning();
  if (!updated) {
    await env.IMAGES.delete(rigKey);
    throw notFound("Avatar");
  }
  return updated;
}

/** The avatar's rig image key, or the 404 that says it has no rig yet. */
export function rigKeyOf(row: AvatarRow): string {
  if (!row.rigKey || !row.rigPose)
    throw new ApiError(404, "rig_missing", "This avatar has no pose yet: detect it and save it (PUT …/rig).");
  return row.rigKey;
}

/** The API's view of a rig (GET …/rig), or a 404 when the avatar has none yet. */
export function toAvatarRig(row: AvatarRow): AvatarRig {
  rigKeyOf(row);
  return {
    pose: writeOpenPose(row.rigPose!),
    imageUrl: `/api/v1/avatars/${row.id}/rig/image`,
    width: row.rigPose!.canvasWidth,
    height: row.rigPose!.canvasHeight,
  };
}
