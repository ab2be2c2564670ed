// Stores a result's pose score: the detection is kept beside the score so the score can always be
// recomputed from what is stored; the score itself is computed here, from the requested skeleton.
import { and, eq } from "drizzle-orm";
import type { Pose } from "../../shared/pose/model";
import { poseScore } from "../../shared/pose/pose-score";
import { config } from "../config";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { updateFidelityRate } from "./fidelity-rate";

/** Which result: the owner's pose of a generation, as in the image route. */
export interface ScoredPoseKey {
  userId: string;
  generationId: string;
  poseTemplateId: string;
}

export interface RecordedScore {
  score: number | null;
  /** The score is below POSE_MIN_OKS. */
  drifted: boolean;
}

/** True when `score` is below the configured threshold. */
export const isDrifted = (env: Env, score: number | null) => score !== null && score < config(env).quality.minOks;

/** The owner's successful result of this pose, as the image route finds it. */
export const successfulPose = (key: ScoredPoseKey) =>
  and(
    eq(generatedPoses.userId, key.userId),
    eq(generatedPoses.generationId, key.generationId),
    eq(generatedPoses.poseTemplateId, key.poseTemplateId),
    eq(generatedPoses.success, true),
  );

/**
 * Scores the owner's successful result from `detection` and stores score, detection and source.
 * Null when there is no such result of this owner (the caller answers 404). `accept` sees the
 * score before anything is stored and may refuse it by throwing.
 */
export async function recordQualityScore(
  env: Env,
  key: ScoredPoseKey,
  detection: Pose,
  source: "provider" | "browser",
  accept?: (score: number | null) => void,
): Promise<RecordedScore | null> {
  const d = db(env);
  const where = successfulPose(key);
  const row = await d.select({ requestedPose: generatedPoses.requestedPose }).from(generatedPoses).where(where).get();
  if (!row) return null;
  const score = row.requestedPose ? poseScore(row.requestedPose, detection) : null;
  accept?.(score);
  await d.batch([
    d
      .update(generatedPoses)
      .set({ qualityScore: score, qualitySource: source, qualityDetection: detection })
      .where(where),
    updateFidelityRate(env, key.poseTemplateId),
  ]);
  return { score, drifted: isDrifted(env, score) };
}
