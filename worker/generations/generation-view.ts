// Reading generations: the caller's own only. A status read asks the generation's Durable Object
// alone (it keeps the row's fields and the verdicts); lists read D1 rows.
import { and, eq, inArray } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { poseFailureText } from "../../shared/generations/pose-failure";
import { settingsFields } from "../../shared/stages";
import { poseNamesIn, type TemplateLocale } from "../../shared/templates/localise";
import { db } from "../db/client";
import { newestFirst } from "../db/pagination";
import { generatedPoses, poseGenerations, type PoseGeneration } from "../db/schema";
import { notFound } from "../errors";
import type { RowFields } from "../../durable-objects/generation/storage";
import type { RunView } from "../../durable-objects/generation/view";
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

/** The row's fields a view shows beyond the run, as the run keeps them for status reads (from start on). */
export const keptRowFields = (row: PoseGeneration): RowFields => ({
  avatarId: row.avatarId,
  avatarName: row.avatarName,
  poseNames: row.poseNames ?? {},
  initStrength: row.initStrength,
  stageSettings: row.stageSettings ?? {},
});

/** Those fields as answers show them: the avatar (it may be gone) and the later stages' settings. */
const shownRowFields = (kept: RowFields) => ({
  avatarId: kept.avatarId,
  avatarName: kept.avatarName,
  poseNames: kept.poseNames,
  initStrength: kept.initStrength,
  ...settingsFields(kept.stageSettings),
});

/** What the row knows beyond the live state: the avatar (it may be gone) and the later stages' settings. */
export const rowFields = (row: PoseGeneration) => shownRowFields(keptRowFields(row));

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

type ViewOptions = { requestedPose?: boolean };

/** The run's state with the row's fields, pose names and failure reasons in `locale`, each result with its verdict. */
function generationView(
  env: Env,
  state: GenerationState,
  kept: RowFields,
  names: Record<string, string>,
  verdicts: Parameters<typeof withVerdicts>[2],
  locale: TemplateLocale,
  options: ViewOptions,
): GenerationState {
  const poses = state.poses.map((p) => ({
    ...p,
    error: poseFailureText(p.error, { code: p.errorCode, params: p.errorParams }, locale),
  }));
  const view = { ...state, poses, ...shownRowFields(kept), poseNames: poseNamesIn(names, locale) };
  return withVerdicts(env, view, verdicts, options);
}

/**
 * The user's generation with its poses as the run knows it now, each result with its verdict,
 * built-in pose names and failure reasons in `locale`. One call to the generation's Durable Object,
 * which checks the owner and keeps the row's fields and verdicts (no D1); a run started before it
 * kept them is read with its D1 row.
 */
export async function readGeneration(
  env: Env,
  userId: string,
  id: string,
  locale: TemplateLocale = "en",
  options: ViewOptions = {},
): Promise<GenerationState> {
  // RPC's typing cannot see `unknown` (stage settings) as serializable; the value is plain data.
  const run = (await generationStub(env, id).view(userId)) as RunView;
  if (run === "unknown") throw notFound("Generation");
  if (run === "not_kept") return readWithRow(env, userId, id, locale, options);
  // Every picked pose's name was recorded at start; the id stands in as poseNames() would.
  const names = { ...run.row.poseNames };
  for (const p of run.state.poses) names[p.poseTemplateId] ??= p.poseTemplateId;
  return generationView(env, run.state, run.row, names, run.verdicts, locale, options);
}

/** readGeneration for a run that does not keep the row's fields: the row and verdicts in one D1 round trip. */
async function readWithRow(env: Env, userId: string, id: string, locale: TemplateLocale, options: ViewOptions) {
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
  return generationView(env, state, keptRowFields(row), await poseNames(env, row), verdicts, locale, options);
}
