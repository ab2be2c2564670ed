// Try again: a made pose whose score says its pose drifted gets a new round (a new image with a
// new seed), reserved and settled like a retry of a failed pose; its image stays until then.
import { and, eq } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { refusal, type Refused } from "../credits/ledger";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { builtInPoseProvider, configuredProviders, notConfiguredMessage } from "../providers/registry";
import { isDrifted } from "../quality/record-score";
import { generationStub } from "./generation-stub";
import { findOwned, rowFields } from "./generation-view";

const CONFLICTS = {
  not_drifted: "This pose is not marked as drifted: only a result scored below the threshold can be tried again.",
  busy: "This pose is already being made again.",
  not_made: "This pose has no image yet: retry the failed poses instead.",
  auto_used: "The server already tried this pose again once.",
} as const;

const conflict = (code: keyof typeof CONFLICTS) => new ApiError(409, code, CONFLICTS[code]);

/**
 * Starts a new round of the user's drifted pose (`auto`: the server's own one try). 404 for no such
 * result, 409 when it is not drifted, still running or (auto) already tried, 402/429 when the
 * credits or the daily limit do not cover it.
 */
export async function tryAgainPose(
  env: Env,
  userId: string,
  generationId: string,
  poseTemplateId: string,
  options: { auto?: boolean } = {},
): Promise<GenerationState> {
  const row = await findOwned(env, userId, generationId);
  const pose = await db(env)
    .select({ qualityScore: generatedPoses.qualityScore })
    .from(generatedPoses)
    .where(
      and(
        eq(generatedPoses.generationId, row.id),
        eq(generatedPoses.poseTemplateId, poseTemplateId),
        eq(generatedPoses.success, true),
      ),
    )
    .get();
  if (!pose) throw notFound("Pose result");
  if (!isDrifted(env, pose.qualityScore)) throw conflict("not_drifted");
  if (!builtInPoseProvider(env, row.provider) && configuredProviders(env).length === 0) {
    throw new ApiError(409, "provider_not_configured", notConfiguredMessage("pose"));
  }
  const result = await generationStub(env, row.id).tryAgain(poseTemplateId, options.auto ?? false);
  if (!result) throw notFound("Pose result");
  if ("refused" in result) throw refusal(result.refused as Refused);
  if ("conflict" in result) throw conflict(result.conflict);
  return { ...result, ...rowFields(row) };
}
