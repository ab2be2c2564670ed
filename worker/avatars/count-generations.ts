// How many of a user's generations were made with each avatar: they keep their images when the
// avatar is deleted, and the delete dialog says how many.
import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "../db/client";
import { poseGenerations } from "../db/schema";

// D1 binds at most 100 parameters per statement (a page holds up to 100 avatars).
const BY_ID_MAX = 90;

/** Generation counts per avatar id (ids without generations are absent: read them as 0). */
export async function countGenerations(env: Env, userId: string, avatarIds: string[]): Promise<Map<string, number>> {
  if (avatarIds.length === 0) return new Map();
  // A long list: one grouped count over all the user's generations instead of a list of ids.
  const which =
    avatarIds.length <= BY_ID_MAX ? inArray(poseGenerations.avatarId, avatarIds) : isNotNull(poseGenerations.avatarId);
  const rows = await db(env)
    .select({ avatarId: poseGenerations.avatarId, n: count() })
    .from(poseGenerations)
    .where(and(eq(poseGenerations.userId, userId), which))
    .groupBy(poseGenerations.avatarId);
  return new Map(rows.map((r) => [r.avatarId!, r.n]));
}
