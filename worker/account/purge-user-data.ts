// Account deletion: every R2 object derived from the user's rows goes, then the rows. Runs before
// better-auth deletes the user (whose foreign keys would cascade the rows, but not R2).
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import {
  apikey,
  avatarCandidates,
  avatarGenerationMetrics,
  avatars,
  backgroundImages,
  creditLedger,
  designMetrics,
  generatedPoses,
  poseFavourites,
  poseGenerations,
  poseMetrics,
  poseTemplates,
  themes,
} from "../db/schema";
import { generationPrefix } from "../generations/delete-generation";
import { generationStub } from "../generations/generation-stub";
import { deleteKeys, deletePrefix } from "../storage/delete-objects";
import { r2Keys } from "../storage/r2-keys";
import { templatesChanged } from "../templates/public-list-memo";

/**
 * Removes every R2 object and D1 row of the user except the users, sessions and accounts rows
 * (better-auth removes those next). Shared scene paintings stay. Safe to run again.
 */
export async function purgeUserData(env: Env, userId: string): Promise<void> {
  const d = db(env);
  const generations = await d
    .select({ id: poseGenerations.id })
    .from(poseGenerations)
    .where(eq(poseGenerations.userId, userId));
  for (const g of generations) {
    // Stops what still runs; a status read (the run alone) answers 404 from now on.
    await generationStub(env, g.id).remove();
    await deletePrefix(env.IMAGES, generationPrefix(g.id));
  }
  const templates = await d
    .select({ id: poseTemplates.id, previewKey: poseTemplates.previewKey })
    .from(poseTemplates)
    .where(eq(poseTemplates.userId, userId));
  await deleteKeys(
    env.IMAGES,
    templates.flatMap((t) => [r2Keys.templatePreview(t.id), ...(t.previewKey ? [t.previewKey] : [])]),
  );
  // Avatars (original, thumbnail, cut-out, rig), backgrounds and candidates live under the user's own
  // prefixes: listing them also catches objects whose row is already gone.
  const rowKeys = [
    ...(
      await d
        .select({ a: avatars.imageKey, b: avatars.thumbnailKey, c: avatars.cutoutKey, r: avatars.rigKey })
        .from(avatars)
        .where(eq(avatars.userId, userId))
    ).flatMap((r) => [r.a, r.b, ...(r.c ? [r.c] : []), ...(r.r ? [r.r] : [])]),
    ...(
      await d.select({ k: backgroundImages.imageKey }).from(backgroundImages).where(eq(backgroundImages.userId, userId))
    ).map((r) => r.k),
    ...(
      await d.select({ k: avatarCandidates.imageKey }).from(avatarCandidates).where(eq(avatarCandidates.userId, userId))
    ).map((r) => r.k),
  ];
  await deleteKeys(env.IMAGES, rowKeys);
  for (const prefix of [`avatars/${userId}/`, `backgrounds/${userId}/`, `avatar-candidates/${userId}/`]) {
    await deletePrefix(env.IMAGES, prefix);
  }
  // Children before parents, so no row waits on a cascade.
  await d.batch([
    d.delete(poseFavourites).where(eq(poseFavourites.userId, userId)),
    d.delete(generatedPoses).where(eq(generatedPoses.userId, userId)),
    d.delete(poseGenerations).where(eq(poseGenerations.userId, userId)),
    d.delete(poseMetrics).where(eq(poseMetrics.userId, userId)),
    d.delete(avatarGenerationMetrics).where(eq(avatarGenerationMetrics.userId, userId)),
    d.delete(designMetrics).where(eq(designMetrics.userId, userId)),
    d.delete(avatarCandidates).where(eq(avatarCandidates.userId, userId)),
    d.delete(avatars).where(eq(avatars.userId, userId)),
    d.delete(backgroundImages).where(eq(backgroundImages.userId, userId)),
    d.delete(themes).where(eq(themes.userId, userId)),
    d.delete(poseTemplates).where(eq(poseTemplates.userId, userId)),
    d.delete(apikey).where(eq(apikey.referenceId, userId)),
    d.delete(creditLedger).where(eq(creditLedger.userId, userId)),
  ]);
  // Their public templates leave the list this isolate keeps at once.
  templatesChanged();
}
