// Starting a generation: checked, its first round of credits reserved, its row written, its
// poses handed to the generation's Durable Object. Credits go back if any step after the
// reservation fails.
import type { GenerationState, NewGeneration } from "../../shared/api/generations";
import { buildBasePrompt, buildNegativePrompt } from "../../shared/prompts/pose-prompt";
import { storedSettings } from "../../shared/stages";
import { config } from "../config";
import { refusal } from "../credits/ledger";
import { db } from "../db/client";
import { avatars, poseGenerations } from "../db/schema";
import { eq, sql } from "drizzle-orm";
import { checkNewGeneration } from "./check-new-generation";
import { generationStub } from "./generation-stub";
import { keptRowFields, rowFields } from "./generation-view";
import { reservePoses, settlePoses } from "./pose-credits";
import type { ApiLocale } from "../i18n/locale";

/** Writes the generation row and hands its poses to a Durable Object (credits are already reserved). */
async function handOver(
  env: Env,
  generationId: string,
  body: NewGeneration,
  { avatar, provider, poseNames }: Awaited<ReturnType<typeof checkNewGeneration>>,
) {
  const d = db(env);
  const [row] = await d
    .insert(poseGenerations)
    .values({
      id: generationId,
      userId: avatar.userId,
      avatarId: avatar.id,
      avatarName: avatar.name,
      totalPoses: body.poseTemplateIds.length,
      selectedPoseIds: body.poseTemplateIds,
      poseNames,
      quality: body.quality,
      provider,
      basePrompt: buildBasePrompt(avatar, body.prompt),
      negativePrompt: buildNegativePrompt(body.negativePrompt),
      seed: body.seed ?? null,
      initStrength: body.initStrength ?? config(env).generations.initStrength,
      stageSettings: storedSettings(body),
    })
    .returning();
  await d
    .update(avatars)
    .set({ usageCount: sql`${avatars.usageCount} + 1` })
    .where(eq(avatars.id, avatar.id));
  const state = await generationStub(env, generationId).start({
    generationId,
    userId: avatar.userId,
    avatarId: avatar.id,
    quality: body.quality,
    provider,
    poseTemplateIds: body.poseTemplateIds,
    row: keptRowFields(row!),
  });
  return { ...state!, ...rowFields(row!) };
}

/**
 * Starts a generation of the user and returns its first state, its pose names in `locale`. Throws the API error of a failed
 * check, or the refusal (402, 429) when the credits or the daily limit do not cover every pose.
 */
export async function startGeneration(
  env: Env,
  userId: string,
  body: NewGeneration,
  locale: ApiLocale = "en",
): Promise<GenerationState> {
  const checked = await checkNewGeneration(env, userId, body, locale);
  const generationId = crypto.randomUUID();
  // Round 0 of every pose, reserved all at once; the generation's Durable Object settles each.
  const firstRound = body.poseTemplateIds.map((templateId) => ({ templateId, round: 0 }));
  const reservation = await reservePoses(env, { userId, generationId, quality: body.quality, poses: firstRound });
  if (!reservation.ok) throw refusal(reservation);
  try {
    return await handOver(env, generationId, body, checked);
  } catch (err) {
    await settlePoses(env, { generationId, rounds: firstRound.map((p) => ({ ...p, outcome: "refund" })) });
    throw err;
  }
}
