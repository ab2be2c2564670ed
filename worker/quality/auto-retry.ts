// POSE_AUTO_RETRY: when a provider's own detector finds a result's pose drifted, the server starts
// that pose's new round itself, once per pose (the generation's Durable Object counts it).
import { config } from "../config";
import { ApiError } from "../errors";
import { tryAgainPose } from "../generations/try-again-pose";
import { isDrifted, type ScoredPoseKey } from "./record-score";

/**
 * Tries the pose again when the setting is on, the score came from the provider and is below the
 * threshold. True when a new round started; a refusal (no credits, already tried) is logged, not thrown.
 */
export async function retryIfDrifted(
  env: Env,
  key: ScoredPoseKey,
  score: number | null,
  source: "provider" | "browser",
): Promise<boolean> {
  if (source !== "provider" || !config(env).quality.autoRetry || !isDrifted(env, score)) return false;
  try {
    await tryAgainPose(env, key.userId, key.generationId, key.poseTemplateId, { auto: true });
    return true;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    console.log(JSON.stringify({ autoRetry: "skipped", ...key, code: err.code }));
    return false;
  }
}
