// Stores a checked avatar image (an upload, or a saved text-to-avatar candidate): the oriented
// original and a thumbnail in R2 (both without metadata), the cut-out and rig when sent, the row in D1.
import type { Avatar } from "../../shared/api/avatars";
import type { ImageHeader } from "../../shared/images/inspect-image";
import { db } from "../db/client";
import { avatars, type Avatar as AvatarRow } from "../db/schema";
import { stripMetadata } from "../../shared/images/metadata/strip-metadata";
import { prepareAvatarImage } from "../images/avatar-images";
import { r2Keys } from "../storage/r2-keys";
import type { BuiltRig } from "./build-rig";

type AvatarFields = Pick<AvatarRow, "name" | "sourceType"> &
  Partial<Pick<AvatarRow, "gender" | "ageRange" | "style" | "generationPrompt">>;

async function sha256Hex(bytes: Uint8Array) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function storeAvatar(
  env: Env,
  userId: string,
  bytes: Uint8Array,
  header: ImageHeader,
  fields: AvatarFields,
  /** The browser's cut-out of the photo (a checked RGBA PNG of the same size). */
  cutout?: Uint8Array,
  /** The rig made from the pose sent with the upload (worker/avatars/build-rig.ts). */
  rig?: BuiltRig,
): Promise<AvatarRow> {
  const image = prepareAvatarImage(bytes, header);
  const id = crypto.randomUUID();
  const imageKey = r2Keys.avatarOriginal(userId, id, image.originalContentType);
  const thumbnailKey = r2Keys.avatarThumbnail(userId, id);
  const cutoutKey = cutout ? r2Keys.avatarCutout(userId, id) : null;
  const rigKey = rig ? r2Keys.avatarRig(userId, id) : null;
  await Promise.all([
    rigKey && env.IMAGES.put(rigKey, rig!.png, { httpMetadata: { contentType: "image/png" } }),
    cutoutKey &&
      env.IMAGES.put(cutoutKey, stripMetadata(cutout!, "png"), { httpMetadata: { contentType: "image/png" } }),
    env.IMAGES.put(imageKey, image.original, { httpMetadata: { contentType: image.originalContentType } }),
    env.IMAGES.put(thumbnailKey, image.thumbnail, { httpMetadata: { contentType: "image/jpeg" } }),
  ]);
  const [row] = await db(env)
    .insert(avatars)
    .values({
      id,
      userId,
      ...fields,
      baseImageUrl: `/api/v1/avatars/${id}/image`,
      thumbnailUrl: `/api/v1/avatars/${id}/thumbnail`,
      imageKey,
      thumbnailKey,
      cutoutKey,
      rigKey,
      rigPose: rig?.pose ?? null,
      contentType: image.originalContentType,
      width: image.width,
      height: image.height,
      byteSize: image.original.byteLength,
      sha256: await sha256Hex(image.original),
    })
    .returning();
  return row!;
}

/** The API's view of an avatar row. */
export function toAvatar(row: AvatarRow, generationCount = 0): Avatar {
  return {
    id: row.id,
    name: row.name,
    baseImageUrl: row.baseImageUrl,
    thumbnailUrl: row.thumbnailUrl,
    contentType: row.contentType,
    width: row.width,
    height: row.height,
    byteSize: row.byteSize,
    gender: row.gender ?? null,
    ageRange: (row.ageRange as Avatar["ageRange"]) ?? null,
    style: row.style ?? null,
    sourceType: row.sourceType,
    generationPrompt: row.generationPrompt ?? null,
    usageCount: row.usageCount,
    generationCount,
    rig: row.rigKey && row.rigPose ? "ready" : "missing",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
