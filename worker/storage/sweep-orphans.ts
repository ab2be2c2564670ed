// Hourly: R2 objects whose owning row is gone (a delete that failed half way, a pose that finished
// after its generation was deleted) are removed. Only objects older than ORPHAN_MIN_AGE_MS: an
// upload writes R2 before its row, so a young object may still be getting its row.
import { inArray } from "drizzle-orm";
import { db } from "../db/client";
import { avatarCandidates, avatars, backgroundImages, poseGenerations, poseTemplates } from "../db/schema";
import { deleteKeys } from "./delete-objects";
import { OWNED_PREFIXES, ownerOfKey, type OwnerTable } from "./r2-key-owners";

/** Objects younger than this are never swept. */
export const ORPHAN_MIN_AGE_MS = 6 * 60 * 60 * 1000;

// D1 binds at most 100 parameters per statement.
const ID_BATCH = 90;

const TABLES = {
  avatars,
  background_images: backgroundImages,
  avatar_candidates: avatarCandidates,
  pose_templates: poseTemplates,
  pose_generations: poseGenerations,
} as const;

/** Which of the ids still have a row in the table. */
async function liveIds(env: Env, table: OwnerTable, ids: string[]): Promise<Set<string>> {
  const t = TABLES[table];
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const rows = await db(env)
      .select({ id: t.id })
      .from(t)
      .where(inArray(t.id, ids.slice(i, i + ID_BATCH)));
    for (const r of rows) live.add(r.id);
  }
  return live;
}

/** Deletes old R2 objects whose owning row no longer exists; returns how many went. */
export async function sweepOrphans(env: Env, now = new Date()): Promise<number> {
  const cutoff = now.getTime() - ORPHAN_MIN_AGE_MS;
  let swept = 0;
  for (const prefix of OWNED_PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await env.IMAGES.list({ prefix, cursor, limit: 1000 });
      const candidates = new Map<OwnerTable, Map<string, string[]>>();
      for (const object of page.objects) {
        if (object.uploaded.getTime() > cutoff) continue;
        const owner = ownerOfKey(object.key);
        if (!owner) continue; // not derived from a row: never swept
        const byId = candidates.get(owner.table) ?? new Map<string, string[]>();
        byId.set(owner.id, [...(byId.get(owner.id) ?? []), object.key]);
        candidates.set(owner.table, byId);
      }
      for (const [table, byId] of candidates) {
        const live = await liveIds(env, table, [...byId.keys()]);
        const orphans = [...byId].filter(([id]) => !live.has(id)).flatMap(([, keys]) => keys);
        await deleteKeys(env.IMAGES, orphans);
        swept += orphans.length;
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return swept;
}
