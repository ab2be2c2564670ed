// Steering a running generation: cancel it, run its failed poses again, watch it live.
import type { GenerationState } from "../../shared/api/generations";
import { refusal, type Refused } from "../credits/ledger";
import { ApiError } from "../errors";
import { builtInPoseProvider, configuredProviders, notConfiguredMessage } from "../providers/registry";
import { generationStub } from "./generation-stub";
import { findOwned, rowFields } from "./generation-view";

/** Stops the user's generation: its remaining poses are cancelled and their credits refunded. */
export async function cancelGeneration(env: Env, userId: string, id: string): Promise<GenerationState> {
  const row = await findOwned(env, userId, id);
  return { ...(await generationStub(env, row.id).cancel())!, ...rowFields(row) };
}

/**
 * Runs the failed poses of the user's generation again, each reserved again. Throws 409 when an AI
 * generation has no AI provider any more (it never turns into an instant one), or the refusal (402, 429) when the credits or the daily limit do not cover them.
 */
export async function retryFailedPoses(env: Env, userId: string, id: string): Promise<GenerationState> {
  const row = await findOwned(env, userId, id);
  if (!builtInPoseProvider(env, row.provider) && configuredProviders(env).length === 0) {
    throw new ApiError(409, "provider_not_configured", notConfiguredMessage("pose"));
  }
  const result = (await generationStub(env, row.id).retryFailed())!;
  if ("refused" in result) throw refusal(result.refused as Refused);
  return { ...result, ...rowFields(row) };
}

/** Connects a viewer's WebSocket request to the user's generation (426 for a plain request). */
export async function watchGeneration(env: Env, userId: string, id: string, request: Request): Promise<Response> {
  const row = await findOwned(env, userId, id);
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, "upgrade_required", "Connect with a WebSocket, or poll GET /api/v1/generations/:id.");
  }
  return generationStub(env, row.id).fetch(request);
}
