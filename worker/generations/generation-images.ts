// Where a generation's images are: each pose's final image, its earlier stages' images, and the
// list a download ZIP is made of.
import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { notFound } from "../errors";
import { r2Keys } from "../storage/r2-keys";
import { findOwned } from "./generation-view";

/** The R2 key of a successful pose's image of the user's generation ("final" or a stage's image), or the API's 404. */
export async function poseImageKey(
  env: Env,
  userId: string,
  id: string,
  poseId: string,
  stage: string,
): Promise<string> {
  const row = await findOwned(env, userId, id);
  const pose = await db(env).query.generatedPoses.findFirst({
    where: and(
      eq(generatedPoses.generationId, row.id),
      eq(generatedPoses.poseTemplateId, poseId),
      eq(generatedPoses.success, true),
    ),
  });
  if (!pose?.outputKey) throw notFound("Pose image");
  if (stage === "final") return pose.outputKey;
  // An earlier stage's image: JPEG, or PNG where the background was removed.
  const jpeg = r2Keys.generationImage(row.id, poseId, stage);
  return (await env.IMAGES.head(jpeg)) ? jpeg : r2Keys.generationPng(row.id, poseId, stage);
}

/** The user's generation and every successful image of it, named in order for a ZIP. */
export async function downloadEntries(env: Env, userId: string, id: string) {
  const row = await findOwned(env, userId, id);
  const poses = await db(env)
    .select({ poseTemplateId: generatedPoses.poseTemplateId, key: generatedPoses.outputKey })
    .from(generatedPoses)
    .where(and(eq(generatedPoses.generationId, row.id), eq(generatedPoses.success, true)));
  const entries = poses
    .filter((p): p is { poseTemplateId: string; key: string } => !!p.key)
    .map((p, i) => ({
      name: `${String(i + 1).padStart(3, "0")}-${p.poseTemplateId}.${p.key.endsWith(".png") ? "png" : "jpg"}`,
      key: p.key,
    }));
  return { generationId: row.id, entries };
}
