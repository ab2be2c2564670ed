// Writes a pose's outcome to D1: its GeneratedPose row (one per pose: a redelivered or retried
// pose updates it, never adds a second), a metrics row, and the template's success and fidelity rates.
import { eq, sql } from "drizzle-orm";
import { poseScore } from "../../shared/pose/pose-score";
import { db } from "../db/client";
import { generatedPoses, poseMetrics, poseTemplates } from "../db/schema";
import { updateFidelityRate } from "../quality/fidelity-rate";
import type { FreshVerdict } from "../../durable-objects/generation/verdicts";
import type { PoseContext } from "./pose-context";

export interface Outcome {
  success: boolean;
  error: string | null;
  elapsedMs: number;
}

/** The quality fields of a new image: its requested skeleton, and its score when the provider detected its pose. */
function freshQuality(ctx: PoseContext) {
  const requestedPose = ctx.requestedPose ?? null;
  const score = requestedPose && ctx.detection ? poseScore(requestedPose, ctx.detection) : null;
  return {
    requestedPose,
    qualityScore: score,
    qualitySource: ctx.detection ? ("provider" as const) : null,
    qualityDetection: ctx.detection ?? null,
    rating: null,
    ratedAt: null,
  };
}

/** The columns a failed take leaves as they were: the row's own values. */
const keptOutput = {
  outputUrl: sql`${generatedPoses.outputUrl}`,
  outputKey: sql`${generatedPoses.outputKey}`,
  success: sql`${generatedPoses.success}`,
};

/** Writes the outcome; answers a new image's verdict as stored (its score null when none was detected), else null. */
export async function recordOutcome(ctx: PoseContext, outcome: Outcome): Promise<FreshVerdict | null> {
  const { env, job } = ctx;
  const d = db(env);
  const quality = outcome.success ? freshQuality(ctx) : null;
  const output = {
    outputUrl: outcome.success ? `/api/v1/generations/${job.generationId}/poses/${job.poseTemplateId}/image` : null,
    outputKey: outcome.success ? (ctx.current?.key ?? null) : null,
    success: outcome.success,
  };
  const row = {
    userId: job.userId,
    generationId: job.generationId,
    poseTemplateId: job.poseTemplateId,
    prompt: ctx.prompt,
    ...output,
    generationTime: outcome.elapsedMs,
    provider: ctx.provider,
    startImage: ctx.startImage ?? null,
    error: outcome.error,
    attempts: ctx.attempts,
    // A new image is scored and rated afresh; a failed round leaves the earlier one's as they were.
    ...quality,
  };
  // One round trip: the pose row, its metrics, and the template's success rate from all metrics.
  await d.batch([
    d
      .insert(generatedPoses)
      .values(row)
      // A failed new take (try again) leaves the image the pose already has, and its success.
      .onConflictDoUpdate({
        target: [generatedPoses.generationId, generatedPoses.poseTemplateId],
        set: !outcome.success && job.take ? { ...row, ...keptOutput } : row,
      }),
    d.insert(poseMetrics).values({
      userId: job.userId,
      generationId: job.generationId,
      poseTemplateId: job.poseTemplateId,
      provider: ctx.provider,
      model: ctx.model,
      quality: ctx.generation.quality,
      attempts: ctx.attempts,
      providerCalls: ctx.roundCalls,
      generationTime: outcome.elapsedMs,
      success: outcome.success,
      errorClass: outcome.success ? null : ctx.lastErrorClass,
      estimatedCostUsd: ctx.costUsd,
    }),
    d
      .update(poseTemplates)
      .set({
        successRate: sql`(select avg(${poseMetrics.success}) from ${poseMetrics} where ${poseMetrics.poseTemplateId} = ${job.poseTemplateId})`,
      })
      .where(eq(poseTemplates.id, job.poseTemplateId)),
    // After the row: a provider's score of the new image counts at once.
    updateFidelityRate(env, job.poseTemplateId),
  ]);
  return (
    quality && {
      qualityScore: quality.qualityScore,
      qualitySource: quality.qualitySource,
      requestedPose: quality.requestedPose,
    }
  );
}
