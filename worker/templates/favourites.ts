// Favourite poses: a user's stars in the library. Each row is the caller's own; starring needs only
// that the template is one the caller may see.
import { and, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "../db/client";
import { poseFavourites, poseTemplates } from "../db/schema";
import { ownTemplatesChanged } from "./own-list-memo";

/** Stars `templateId` for `userId` (again is a no-op). */
export async function addFavourite(env: Env, userId: string, templateId: string): Promise<void> {
  await db(env).insert(poseFavourites).values({ userId, templateId }).onConflictDoNothing();
  ownTemplatesChanged(userId);
}

/** Unstars `templateId` for `userId` (not starred is a no-op). */
export async function removeFavourite(env: Env, userId: string, templateId: string): Promise<void> {
  await db(env)
    .delete(poseFavourites)
    .where(and(eq(poseFavourites.userId, userId), eq(poseFavourites.templateId, templateId)));
  ownTemplatesChanged(userId);
}

/** Which of `templateIds` the user starred (none when signed out). */
export async function favouritesAmong(env: Env, userId: string | null, templateIds: string[]): Promise<Set<string>> {
  if (!userId || templateIds.length === 0) return new Set();
  const rows = await db(env)
    .select({ id: poseFavourites.templateId })
    .from(poseFavourites)
    .where(and(eq(poseFavourites.userId, userId), inArray(poseFavourites.templateId, templateIds)));
  return new Set(rows.map((r) => r.id));
}

/** The where-clause "the user starred this template", for the library list. */
export const starredBy = (env: Env, userId: string): SQL =>
  exists(
    db(env)
      .select({ one: sql`1` })
      .from(poseFavourites)
      .where(and(eq(poseFavourites.templateId, poseTemplates.id), eq(poseFavourites.userId, userId))),
  );
