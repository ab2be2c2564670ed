// Where a generation's images are: each pose's final image, its earlier stages' images, and the
// list a download ZIP is made of.
import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { notFound } from "../errors";
import { resultFileName, uniqueFileNames } from "../../shared/downloads/file-names";
import type { ExportAspect } from "../../shared/export/marketplace-frame";
import { frameResult, type ExportSize } from "../exports/frame-result";
import { r2Keys } from "../storage/r2-keys";
import { findOwned } from "./generation-view";
import { poseNames } from "./pose-names";

const extension = (key: string) => (key.endsWith(".png") ? "png" : "jpg");

/**
 * The R2 key of a successful pose's image of the user's generation ("final" or a stage's image)
 * and the file name it downloads as (with `aspect`, the name of its framed copy), or the API's 404.
 */
export async function poseImage(
  env: Env,
  userId: string,
  id: string,
  poseId: string,
  stage: string,
  aspect?: ExportAspect,
): Promise<{ key: string; fileName: string }> {
  const row = await findOwned(env, userId, id);
  const pose = await db(env).query.generatedPoses.findFirst({
    where: and(
      eq(generatedPoses.generationId, row.id),
      eq(generatedPoses.poseTemplateId, poseId),
      eq(generatedPoses.success, true),
    ),
  });
  if (!pose?.outputKey) throw notFound("Pose image");
  const names = await poseNames(env, row);
  const name = (key: string) => resultFileName(row.avatarName, names[poseId] ?? poseId, extension(key), aspect);
  if (stage === "final") return { key: pose.outputKey, fileName: name(pose.outputKey) };
  // An earlier stage's image: JPEG, or PNG where the background was removed.
  // Of the take the shown image belongs to.
  const take = r2Keys.takeOf(pose.outputKey);
  const jpeg = r2Keys.generationImage(row.id, poseId, stage, take);
  const key = (await env.IMAGES.head(jpeg)) ? jpeg : r2Keys.generationPng(row.id, poseId, stage, take);
  return { key, fileName: name(key) };
}

/** A successful pose's image framed in a marketplace size (frame-result.ts), with its type and file name. */
export async function framedPoseImage(
  env: Env,
  userId: string,
  id: string,
  poseId: string,
  stage: string,
  size: ExportSize,
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const { key, fileName } = await poseImage(env, userId, id, poseId, stage, size.aspect);
  const object = await env.IMAGES.get(key);
  if (!object) throw notFound("Pose image");
  const bytes = await frameResult(env, id, poseId, new Uint8Array(await object.arrayBuffer()), size);
  return { bytes, contentType: extension(key) === "png" ? "image/png" : "image/jpeg", fileName };
}

/** One file of a download ZIP: its name, and its bytes read (and framed) only when the ZIP reaches it. */
export interface ZipEntry {
  name: string;
  open: () => Promise<ReadableStream<Uint8Array> | Uint8Array | null>;
}

/**
 * The user's generation and every successful image of it for a ZIP, in the order the poses were
 * picked, each named `<avatar>-<pose name>.<ext>` (unique within the ZIP); with `size`, each
 * framed in that aspect ratio and named `<avatar>-<pose name>-<w>x<h>.<ext>`.
 */
export async function downloadEntries(
  env: Env,
  userId: string,
  id: string,
  size?: ExportSize,
): Promise<{ generationId: string; entries: ZipEntry[]; poseIds: string[] }> {
  const row = await findOwned(env, userId, id);
  const poses = await db(env)
    .select({ poseTemplateId: generatedPoses.poseTemplateId, key: generatedPoses.outputKey })
    .from(generatedPoses)
    .where(and(eq(generatedPoses.generationId, row.id), eq(generatedPoses.success, true)));
  const keys = new Map(poses.flatMap((p) => (p.key ? [[p.poseTemplateId, p.key] as const] : [])));
  const names = await poseNames(env, row);
  const picked = row.selectedPoseIds.flatMap((poseId) => {
    const key = keys.get(poseId);
    const name = resultFileName(row.avatarName, names[poseId] ?? poseId, extension(key ?? ""), size?.aspect);
    return key ? [{ key, poseId, name }] : [];
  });
  const unique = uniqueFileNames(picked.map((p) => p.name));
  const open = async ({ key, poseId }: (typeof picked)[number]) => {
    const object = await env.IMAGES.get(key);
    if (!object) return null;
    if (!size) return object.body;
    return frameResult(env, row.id, poseId, new Uint8Array(await object.arrayBuffer()), size);
  };
  return {
    generationId: row.id,
    entries: picked.map((p, i) => ({ name: unique[i]!, open: () => open(p) })),
    poseIds: picked.map((p) => p.poseId),
  };
}
