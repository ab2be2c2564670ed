// What a generation's Durable Object keeps for status reads (the row's fields, each result's
// verdict) is told here when a request changes them in D1, so a status read needs no D1
// (generation-view.ts readGeneration). Each write to D1 comes first, then the run is told.
import { and, eq } from "drizzle-orm";
import type { VerdictChange } from "../../durable-objects/generation/verdicts";
import { db } from "../db/client";
import { poseGenerations } from "../db/schema";
import { generationStub } from "./generation-stub";

/** The owner scored or rated a result (already stored in D1). */
export async function verdictChanged(env: Env, generationId: string, poseTemplateId: string, change: VerdictChange) {
  await generationStub(env, generationId).changeVerdict(poseTemplateId, change);
}

/** The ids of the user's generations made with this avatar: ask before deleting it (then they read null). */
export async function generationsMadeWith(env: Env, userId: string, avatarId: string): Promise<string[]> {
  const rows = await db(env)
    .select({ id: poseGenerations.id })
    .from(poseGenerations)
    .where(and(eq(poseGenerations.userId, userId), eq(poseGenerations.avatarId, avatarId)));
  return rows.map((r) => r.id);
}

/** The avatar of these generations was deleted (its row is gone): their views show no avatar id. */
export async function avatarDeleted(env: Env, generationIds: string[]) {
  await Promise.all(generationIds.map((id) => generationStub(env, id).avatarDeleted()));
}
