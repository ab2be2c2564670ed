// Where a generation's images are: each pose's final image, its earlier stages' images, and the
// list a download ZIP is made of.
import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { notFound } from "../errors";
import { resultFileName, uniqueFileNames } from "../../shared/downloads/file-names";
import { r2Keys } from "../storage/r2-keys";
import { findOwned } from "./generation-view";
import { poseNames } from "./pose-names";

const extension = (key: string) => (key.endsWith(".png") ? "png" : "jpg");

/**
 * The R2 key of a successful pose's image of the user's generation ("final" or a stage's image)
 * and the file name it downloads as, or the API's 404.
 */
export async function poseImage(
  env: Env,
  userId: string,
  id: string,
  poseId: string,
  stage: string,
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
  const name = (key: string) => resultFileName(row.avatarName, names[poseId] ?? poseId, extension(key));
  if (stage === "final") return { key: pose.outputKey, fileName: name(pose.outputKey) };
  // An earlier stage's image: JPEG, or PNG where the background was removed.
  const jpeg = r2Keys.generationImage(row.id, poseId, stage);
  const key = (await env.IMAGES.head(jpeg)) ? jpeg : r2Keys.generationPng(row.id, poseId, stage);
  return { key, fileName: name(key) };
}

/**
 * The user's generation and every successful image of it for a ZIP, in the order the poses were
 * picked, each named `<avatar>-<pose name>.<ext>` (unique within the ZIP).
 */
export async function downloadEntries(env: Env, userId: string, id: string) {
  const row = await findOwned(env, userId, id);
  const poses = await db(env)
    .select({ poseTemplateId: generatedPoses.poseTemplateId, key: generatedPoses.outputKey })
    .from(generatedPoses)
    .where(and(eq(generatedPoses.generationId, row.id), eq(generatedPoses.success, true)));
  const keys = new Map(poses.flatMap((p) => (p.key ? [[p.poseTemplateId, p.key] as const] : [])));
  const names = await poseNames(env, row);
  const picked = row.selectedPoseIds.flatMap((poseId) => {
    const key = keys.get(poseId);
    return key ? [{ poseId, key, name: resultFileName(row.avatarName, names[poseId] ?? poseId, extension(key)) }] : [];
  });
  const unique = uniqueFileNames(picked.map((p) => p.name));
  return {
    generationId: row.id,
    entries: picked.map((p, i) => ({ key: p.key, name: unique[i]! })),
    poseIds: picked.map((p) => p.poseId),
  };
}
