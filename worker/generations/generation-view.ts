// Reading generations: the caller's own only. The live state comes from the generation's Durable
// Object; the D1 row adds what the run does not keep (the avatar's name, later stages' settings).
import { and, eq } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { settingsFields } from "../../shared/stages";
import { db } from "../db/client";
import { newestFirst } from "../db/pagination";
import { poseGenerations, type PoseGeneration } from "../db/schema";
import { notFound } from "../errors";
import { generationStub } from "./generation-stub";

/** The user's generation with this id, or the API's 404. */
export async function findOwned(env: Env, userId: string, id: string): Promise<PoseGeneration> {
  const row = await db(env).query.poseGenerations.findFirst({
    where: and(eq(poseGenerations.id, id), eq(poseGenerations.userId, userId)),
  });
  if (!row) throw notFound("Generation");
  return row;
}

/** A generation as lists show it, from its D1 row alone. */
const summary = (row: PoseGeneration) => ({
  id: row.id,
  avatarId: row.avatarId,
  avatarName: row.avatarName,
  status: row.status,
  quality: row.quality,
  provider: row.provider ?? null,
  totalPoses: row.totalPoses,
  successfulPoses: row.successfulPoses,
  failedPoses: row.failedPoses,
  progress: row.progress,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt?.toISOString() ?? null,
  downloadUrl: `/api/v1/generations/${row.id}/download.zip`,
});

/** What the row knows beyond the live state: the avatar (it may be gone) and the later stages' settings. */
export const rowFields = (row: PoseGeneration) => ({
  avatarId: row.avatarId,
  avatarName: row.avatarName,
  initStrength: row.initStrength,
  ...settingsFields(row.stageSettings ?? {}),
});

/** A page of the user's generations, newest first. */
export async function listGenerations(env: Env, userId: string, query: Parameters<typeof newestFirst>[1]) {
  const pg = newestFirst(poseGenerations, query);
  const rows = await db(env)
    .select()
    .from(poseGenerations)
    .where(and(eq(poseGenerations.userId, userId), pg.where))
    .orderBy(...pg.orderBy)
    .limit(pg.take);
  const { items, nextCursor } = pg.page(rows);
  return { items: items.map(summary), nextCursor };
}

/** The user's generation with its poses, as the run knows it now. */
export async function readGeneration(env: Env, userId: string, id: string): Promise<GenerationState> {
  const row = await findOwned(env, userId, id);
  const state = await generationStub(env, row.id).state();
  if (!state) throw notFound("Generation");
  return { ...state, ...rowFields(row) };
}
