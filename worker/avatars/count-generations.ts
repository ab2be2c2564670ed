// How many of a user's generations were made with each avatar: they keep their images when the
// avatar is deleted, and the delete dialog says how many.
import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "../db/client";
import { poseGenerations } from "../db/schema";

/** Generation counts per avatar id (ids without generations are absent: read them as 0). */
export async function countGenerations(env: Env, userId: string, avatarIds: string[]): Promise<Map<string, number>> {
  if (avatarIds.length === 0) return new Map();
  const rows = await db(env)
    .select({ avatarId: poseGenerations.avatarId, n: count() })
    .from(poseGenerations)
    .where(and(eq(poseGenerations.userId, userId), inArray(poseGenerations.avatarId, avatarIds)))
    .groupBy(poseGenerations.avatarId);
  return new Map(rows.map((r) => [r.avatarId!, r.n]));
}
