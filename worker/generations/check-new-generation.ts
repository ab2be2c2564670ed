// What a new generation must pass beyond its schema: its size, the caller's own avatar and
// visible templates, a configured provider for every stage it asks for, existing background and theme.
import { and, eq, inArray, sql } from "drizzle-orm";
import { needsInpainting } from "../../shared/stages/fashion";
import type { NewGeneration } from "../../shared/api/generations";
import { findBackground } from "../background/find-background";
import { db } from "../db/client";
import { avatars, poseTemplates, type Avatar } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { config } from "../config";
import {
  configuredInpaintingProviders,
  configuredProviders,
  notConfiguredMessage,
  setupHint,
} from "../providers/registry";
import { findTheme } from "../themes/find-theme";

const maxPoses = (env: Env) => config(env).generations.maxPoses;

/** Refuses templates the user may not use (neither public and active nor their own). */
async function checkTemplates(env: Env, userId: string, ids: string[]) {
  const visible = await db(env)
    .select({ id: poseTemplates.id })
    .from(poseTemplates)
    .where(
      and(
        inArray(poseTemplates.id, ids),
        sql`((${poseTemplates.visibility} = 'public' and ${poseTemplates.isActive} = 1) or ${poseTemplates.userId} = ${userId})`,
      ),
    );
  const found = new Set(visible.map((t) => t.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new ApiError(
      404,
      "template_not_found",
      `Pose template${missing.length > 1 ? "s" : ""} not found: ${missing.slice(0, 5).join(", ")}.`,
      { missing },
    );
  }
}

/** Refuses a generation no configured provider could make (409, 422, 400). */
function checkProviders(env: Env, body: NewGeneration) {
  const providers = configuredProviders(env);
  if (providers.length === 0) {
    throw new ApiError(409, "provider_not_configured", notConfiguredMessage("pose"));
  }
  if (needsInpainting(body.fashionSettings) && configuredInpaintingProviders(env).length === 0) {
    throw new ApiError(
      422,
      "fashion_unavailable",
      `Hijab and outfit styles need an inpainting provider, and none is configured. ${setupHint("inpainting")}. Accessories work without one.`,
    );
  }
  return providers;
}

/**
 * Checks a new generation of the user, in the order its errors are reported, and returns the
 * avatar it is made from. Throws the API error of the first check that fails.
 */
export async function checkNewGeneration(env: Env, userId: string, body: NewGeneration): Promise<Avatar> {
  const limit = maxPoses(env);
  if (body.poseTemplateIds.length > limit) {
    throw new ApiError(
      400,
      "too_many_poses",
      `At most ${limit} poses per generation; you picked ${body.poseTemplateIds.length}.`,
    );
  }
  const avatar = await db(env).query.avatars.findFirst({
    where: and(eq(avatars.id, body.avatarId), eq(avatars.userId, userId)),
  });
  if (!avatar) throw new ApiError(404, "avatar_not_found", "Avatar not found among yours.");
  await checkTemplates(env, userId, body.poseTemplateIds);
  const providers = checkProviders(env, body);
  if (body.backgroundSettings?.mode === "image")
    if (!(await findBackground(env, userId, body.backgroundSettings.backgroundId))) throw notFound("Background");
  if (body.professionTheme && !(await findTheme(env, userId, body.professionTheme))) {
    throw new ApiError(
      404,
      "theme_not_found",
      `No theme "${body.professionTheme}": use doctor, pilot, chef, teacher or one of your own themes.`,
    );
  }
  if (body.provider && !providers.some((p) => p.name === body.provider)) {
    throw new ApiError(
      400,
      "unknown_provider",
      `Provider "${body.provider}" is not configured. Configured: ${providers.map((p) => p.name).join(", ")}.`,
    );
  }
  return avatar;
}
