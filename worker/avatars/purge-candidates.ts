// Unsaved text-to-avatar candidates expire: the hourly cron removes their images and rows.
import { inArray, lte } from "drizzle-orm";
import { db } from "../db/client";
import { avatarCandidates } from "../db/schema";

// D1 binds at most 100 parameters per statement.
const BATCH = 90;

/** Deletes expired candidates (R2 objects first, then rows); returns how many went. */
export async function purgeExpiredCandidates(env: Env, now = new Date()): Promise<number> {
  let purged = 0;
  for (;;) {
    const expired = await db(env)
      .select({ id: avatarCandidates.id, imageKey: avatarCandidates.imageKey })
      .from(avatarCandidates)
      .where(lte(avatarCandidates.expiresAt, now))
      .limit(BATCH);
    if (expired.length === 0) return purged;
    await env.IMAGES.delete(expired.map((c) => c.imageKey));
    await db(env)
      .delete(avatarCandidates)
      .where(
        inArray(
          avatarCandidates.id,
          expired.map((c) => c.id),
        ),
      );
    purged += expired.length;
    if (expired.length < BATCH) return purged;
  }
}
