// The owner's side of a result's quality: the score a browser posts (recomputed here, never
// trusted), the stars, and both as each pose of a generation view shows them.
import { and, eq } from "drizzle-orm";
import type { PoseState } from "../../shared/api/generations";
import { SCORE_TOLERANCE, type PoseVerdict } from "../../shared/api/pose-quality";
import type { Pose } from "../../shared/pose/model";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { findOwned } from "../generations/generation-view";
import { verdictChanged } from "../generations/run-view-changes";
import { isDrifted, recordQualityScore, successfulPose, type ScoredPoseKey } from "./record-score";

const verdictColumns = {
  poseTemplateId: generatedPoses.poseTemplateId,
  qualityScore: generatedPoses.qualityScore,
  qualitySource: generatedPoses.qualitySource,
  rating: generatedPoses.rating,
};

/** The stored verdict of the owner's result (404 when there is no such result). */
async function readVerdict(env: Env, key: ScoredPoseKey): Promise<PoseVerdict> {
  const row = await db(env).select(verdictColumns).from(generatedPoses).where(successfulPose(key)).get();
  if (!row) throw notFound("Pose result");
  return { ...row, drifted: isDrifted(env, row.qualityScore) };
}

/** The owner's generation must exist before anything about its poses is said (404 otherwise). */
async function ownedKey(env: Env, userId: string, generationId: string, poseTemplateId: string) {
  const row = await findOwned(env, userId, generationId);
  return { userId, generationId: row.id, poseTemplateId };
}

/**
 * Stores the pose a browser detected in the owner's result with the server's own score. 422 when
 * the posted score is not what the detection gives (beyond SCORE_TOLERANCE) or the result has no
 * requested skeleton to compare with.
 */
export async function scorePose(
  env: Env,
  userId: string,
  generationId: string,
  poseTemplateId: string,
  posted: { detection: Pose; score: number },
): Promise<PoseVerdict> {
  const key = await ownedKey(env, userId, generationId, poseTemplateId);
  // The server's own score decides; a posted one that disagrees is refused before anything is stored.
  const check = (score: number | null) => {
    if (score === null) {
      throw new ApiError(422, "not_scorable", "This result has no requested skeleton to compare a detection with.");
    }
    if (Math.abs(score - posted.score) > SCORE_TOLERANCE) {
      throw new ApiError(
        422,
        "score_mismatch",
        `The posted score ${posted.score} is not what this detection gives (${score.toFixed(4)}).`,
        { expected: Number(score.toFixed(4)) },
      );
    }
  };
  const recorded = await recordQualityScore(env, key, posted.detection, "browser", check);
  if (!recorded) throw notFound("Pose result");
  await verdictChanged(env, key.generationId, poseTemplateId, {
    qualityScore: recorded.score,
    qualitySource: "browser",
  });
  return readVerdict(env, key);
}

/** Sets the owner's stars (1–5) on a result. */
export async function ratePose(
  env: Env,
  userId: string,
  generationId: string,
  poseTemplateId: string,
  rating: number,
): Promise<PoseVerdict> {
  const key = await ownedKey(env, userId, generationId, poseTemplateId);
  const done = await db(env)
    .update(generatedPoses)
    .set({ rating, ratedAt: new Date() })
    .where(successfulPose(key))
    .returning({ id: generatedPoses.id });
  if (done.length === 0) throw notFound("Pose result");
  await verdictChanged(env, key.generationId, poseTemplateId, { rating });
  return readVerdict(env, key);
}

/** The owner's results of a generation with their verdicts (a query: run it alone or in a batch). */
export const verdictRows = (env: Env, generationId: string, userId: string) =>
  db(env)
    .select({ ...verdictColumns, requestedPose: generatedPoses.requestedPose })
    .from(generatedPoses)
    .where(
      and(
        eq(generatedPoses.generationId, generationId),
        eq(generatedPoses.userId, userId),
        eq(generatedPoses.success, true),
      ),
    );

/** The poses of a generation view with their scores and ratings (and requested skeletons when asked). */
export function withVerdicts<T extends { poses: PoseState[] }>(
  env: Env,
  state: T,
  rows: Awaited<ReturnType<typeof verdictRows>>,
  options: { requestedPose?: boolean } = {},
): T {
  const byPose = new Map(rows.map((r) => [r.poseTemplateId, r]));
  const poses = state.poses.map((pose) => {
    const row = pose.imageUrl ? byPose.get(pose.poseTemplateId) : undefined;
    return {
      ...pose,
      qualityScore: row?.qualityScore ?? null,
      qualitySource: row?.qualitySource ?? null,
      drifted: isDrifted(env, row?.qualityScore ?? null),
      rating: row?.rating ?? null,
      ...(options.requestedPose ? { requestedPose: row?.requestedPose ?? null } : {}),
    };
  });
  return { ...state, poses };
}
