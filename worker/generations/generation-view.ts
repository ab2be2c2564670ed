// Reading generations: the caller's own only. The live state comes from the generation's Durable
// Object; the D1 row adds what the run does not keep (the avatar's name, later stages' settings).
import { and, eq, inArray } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { poseFailureText } from "../../shared/generations/pose-failure";
import { settingsFields } from "../../shared/stages";
import { poseNamesIn, type TemplateLocale } from "../../shared/templates/localise";
import { db } from "../db/client";
import { newestFirst } from "../db/pagination";
import { generatedPoses, poseGenerations, type PoseGeneration } from "../db/schema";
import { notFound } from "../errors";
import { generationStub } from "./generation-stub";
import { verdictRows, withVerdicts } from "../quality/pose-verdicts";
import { poseNames } from "./pose-names";

/** The user's generation with this id, or the API's 404. */
export async function findOwned(env: Env, userId: string, id: string): Promise<PoseGeneration> {
  const row = await db(env).query.poseGenerations.findFirst({
    where: and(eq(poseGenerations.id, id), eq(poseGenerations.userId, userId)),
  });
  if (!row) throw notFound("Generation");
  return row;
}

/** A generation as lists show it, from its D1 row (and its first successful pose, as its picture). */
const summary = (row: PoseGeneration, firstPose: string | undefined, locale: TemplateLocale) => ({
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
  poseNames: poseNamesIn(row.poseNames ?? {}, locale),
  thumbnailUrl: firstPose ? `/api/v1/generations/${row.id}/poses/${firstPose}/image` : null,
});

/** Each generation's first successful pose in the order picked (one query for the page). */
async function firstPoses(env: Env, rows: PoseGeneration[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const done = await db(env)
    .select({ generationId: generatedPoses.generationId, poseTemplateId: generatedPoses.poseTemplateId })
    .from(generatedPoses)
    .where(
      and(
        inArray(
          generatedPoses.generationId,
          rows.map((r) => r.id),
        ),
        eq(generatedPoses.success, true),
      ),
    );
  const first = new Map<string, string>();
  for (const row of rows) {
    const ok = new Set(done.filter((d) => d.generationId === row.id).map((d) => d.poseTemplateId));
    const pick = row.selectedPoseIds.find((id) => ok.has(id));
    if (pick) first.set(row.id, pick);
  }
  return first;
}

/** What the row knows beyond the live state: the avatar (it may be gone) and the later stages' settings. */
export const rowFields = (row: PoseGeneration) => ({
  avatarId: row.avatarId,
  avatarName: row.avatarName,
  poseNames: row.poseNames ?? {},
  initStrength: row.initStrength,
  ...settingsFields(row.stageSettings ?? {}),
});

/** A page of the user's generations, newest first, built-in pose names in `locale`. */
export async function listGenerations(
  env: Env,
  userId: string,
  query: Parameters<typeof newestFirst>[1],
  locale: TemplateLocale = "en",
) {
  const pg = newestFirst(poseGenerations, query);
  const rows = await db(env)
    .select()
    .from(poseGenerations)
    .where(and(eq(poseGenerations.userId, userId), pg.where))
    .orderBy(...pg.orderBy)
    .limit(pg.take);
  const { items, nextCursor } = pg.page(rows);
  const first = await firstPoses(env, items);
  return { items: items.map((row) => summary(row, first.get(row.id), locale)), nextCursor };
}

/**
 * The user's generation with its poses as the run knows it now, each result with its verdict,
 * built-in pose names and failure reasons in `locale`. The row (the owner check) and the verdicts
 * are one D1 round trip; the run's state comes from its Durable Object, asked only once the row
 * says it is theirs.
 */
export async function readGeneration(
  env: Env,
  userId: string,
  id: string,
  locale: TemplateLocale = "en",
  options: { requestedPose?: boolean } = {},
): Promise<GenerationState> {
  const d = db(env);
  const [rows, verdicts] = await d.batch([
    d
      .select()
      .from(poseGenerations)
      .where(and(eq(poseGenerations.id, id), eq(poseGenerations.userId, userId)))
      .limit(1),
    verdictRows(env, id, userId),
  ]);
  const row = rows[0];
  if (!row) throw notFound("Generation");
  const state = await generationStub(env, row.id).state();
  if (!state) throw notFound("Generation");
  const poses = state.poses.map((p) => ({
    ...p,
    error: poseFailureText(p.error, { code: p.errorCode, params: p.errorParams }, locale),
  }));
  const view = { ...state, poses, ...rowFields(row), poseNames: poseNamesIn(await poseNames(env, row), locale) };
  return withVerdicts(env, view, verdicts, options);
}
