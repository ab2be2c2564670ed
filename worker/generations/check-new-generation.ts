// What a new generation must pass beyond its schema: its size, the caller's own avatar and
// visible templates, a provider for every stage it asks for (the instant engine when it names it or
// when no AI vendor is configured, then with the avatar's rig), existing background and theme.
import { and, eq, inArray, sql } from "drizzle-orm";
import { needsInpainting } from "../../shared/stages/fashion";
import { localisedTemplateText } from "../../shared/templates/localise";
import type { NewGeneration } from "../../shared/api/generations";
import { findBackground } from "../background/find-background";
import { db } from "../db/client";
import { avatars, poseTemplates, type Avatar } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { config } from "../config";
import {
  builtInPoseProvider,
  builtInPoseVendors,
  configuredInpaintingProviders,
  configuredProviders,
  setupHint,
} from "../providers/registry";
import type { ApiLocale } from "../i18n/locale";
import { findTheme } from "../themes/find-theme";

const maxPoses = (env: Env) => config(env).generations.maxPoses;

/**
 * Refuses templates the user may not use (neither public and active nor their own); returns their
 * names by id, in `locale` (the names the results and their files will carry).
 */
async function checkTemplates(
  env: Env,
  userId: string,
  ids: string[],
  locale: ApiLocale,
): Promise<Record<string, string>> {
  const visible = await db(env)
    .select({ id: poseTemplates.id, name: poseTemplates.name })
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
  return Object.fromEntries(
    visible.map((t) => [t.id, localisedTemplateText({ ...t, description: null }, locale).name]),
  );
}

/**
 * The pose provider the generation runs with: the one it names, the instant engine when no AI
 * vendor is configured, or null for the AI chain. Refuses fashion no provider could make (422).
 */
function pickProvider(env: Env, body: NewGeneration): string | null {
  const builtIn = builtInPoseVendors()[0]!.name;
  const provider = body.provider ?? (configuredProviders(env).length === 0 ? builtIn : null);
  if (needsInpainting(body.fashionSettings) && configuredInpaintingProviders(env).length === 0) {
    throw new ApiError(
      422,
      "fashion_unavailable",
      `Hijab and outfit styles need an inpainting provider, and none is configured. ${setupHint("inpainting")}. Accessories work without one.`,
    );
  }
  return provider;
}

/** The instant engine reshapes the avatar's own rig: without one there is nothing to draw (422). */
function checkRig(env: Env, avatar: Avatar, provider: string | null) {
  if (!builtInPoseProvider(env, provider) || (avatar.rigKey && avatar.rigPose)) return;
  throw new ApiError(
    422,
    "avatar_rig_missing",
    "Instant poses reshape the avatar's own photo, and this avatar has no pose yet: open the avatar and detect its pose, then generate again.",
  );
}

/** A named provider must be an AI vendor that is configured, or the instant engine (400). */
function checkNamedProvider(env: Env, name: string | undefined) {
  if (!name || builtInPoseProvider(env, name)) return;
  const names = [...configuredProviders(env), ...builtInPoseVendors()].map((p) => p.name);
  if (!names.includes(name)) {
    throw new ApiError(
      400,
      "unknown_provider",
      `Provider "${name}" is not configured. Configured: ${names.join(", ")}.`,
      undefined,
      { name, configured: names.join(", ") },
    );
  }
}

/**
 * Checks a new generation of the user, in the order its errors are reported, and returns the
 * avatar it is made from, the pose provider it runs with (null: the AI chain) and the picked poses'
 * names by template id. Throws the API
 * error of the first check that fails.
 */
export async function checkNewGeneration(
  env: Env,
  userId: string,
  body: NewGeneration,
  locale: ApiLocale = "en",
): Promise<{ avatar: Avatar; provider: string | null; poseNames: Record<string, string> }> {
  const limit = maxPoses(env);
  if (body.poseTemplateIds.length > limit) {
    throw new ApiError(
      400,
      "too_many_poses",
      `At most ${limit} poses per generation; you picked ${body.poseTemplateIds.length}.`,
      undefined,
      { limit, picked: body.poseTemplateIds.length },
    );
  }
  const avatar = await db(env).query.avatars.findFirst({
    where: and(eq(avatars.id, body.avatarId), eq(avatars.userId, userId)),
  });
  if (!avatar) throw new ApiError(404, "avatar_not_found", "Avatar not found among yours.");
  const poseNames = await checkTemplates(env, userId, body.poseTemplateIds, locale);
  const provider = pickProvider(env, body);
  if (body.backgroundSettings?.mode === "image")
    if (!(await findBackground(env, userId, body.backgroundSettings.backgroundId))) throw notFound("Background");
  if (body.professionTheme && !(await findTheme(env, userId, body.professionTheme))) {
    throw new ApiError(
      404,
      "theme_not_found",
      `No theme "${body.professionTheme}": use doctor, pilot, chef, teacher or one of your own themes.`,
    );
  }
  checkNamedProvider(env, body.provider);
  checkRig(env, avatar, provider);
  return { avatar, provider, poseNames };
}
