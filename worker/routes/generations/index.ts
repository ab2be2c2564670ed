import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray, sql } from "drizzle-orm";
import { ErrorResponse } from "../../../shared/api/errors";
import type { BackgroundSettings } from "../../../shared/api/background";
import { hasFashion, needsInpainting, type FashionSettings } from "../../../shared/api/fashion";
import { GenerationState, GenerationSummary, NewGeneration } from "../../../shared/api/generations";
import { PageQuery, page } from "../../../shared/api/pagination";
import { buildBasePrompt, buildNegativePrompt } from "../../../shared/prompts/pose-prompt";
import { db } from "../../db/client";
import { newestFirst } from "../../db/pagination";
import {
  avatars,
  generatedPoses,
  poseGenerations,
  poseTemplates,
  type Avatar,
  type PoseGeneration,
} from "../../db/schema";
import type { AppEnv } from "../../env";
import { ApiError, notFound } from "../../errors";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonLimit } from "../../middleware/json-limit";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { generationStub } from "../../pipeline/generation-stub";
import { configuredInpaintingProviders } from "../../providers/inpainting-registry";
import { configuredProviders } from "../../providers/registry";
import { DEFAULT_MODELS } from "../../providers/huggingface";
import { findBackground } from "../../background/find-background";
import { r2Keys } from "../../storage/r2-keys";
import { findTheme } from "../../themes/find-theme";
import { refusal, reservePoses, settlePoses, type Refused } from "../../credits/ledger";
import { serveR2Object } from "../../storage/serve-r2-object";
import { deleteGeneration } from "../../generations/delete-generation";
import { zipStream } from "./download-zip";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such generation of yours"),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });

function maxPoses(env: Env) {
  const n = Number(env.MAX_POSES_PER_GENERATION);
  return Number.isInteger(n) && n > 0 ? n : 100;
}

async function findOwned(env: Env, userId: string, id: string): Promise<PoseGeneration> {
  const row = await db(env).query.poseGenerations.findFirst({
    where: and(eq(poseGenerations.id, id), eq(poseGenerations.userId, userId)),
  });
  if (!row) throw notFound("Generation");
  return row;
}

const summary = (row: PoseGeneration) => ({
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
});

/** What the row knows beyond the live state: the avatar (it may be gone) and the later stages' settings. */
const rowFields = (row: PoseGeneration) => ({
  avatarId: row.avatarId,
  avatarName: row.avatarName,
  fashionSettings: row.fashionSettings as FashionSettings | null,
  backgroundSettings: row.backgroundSettings as BackgroundSettings | null,
  professionTheme: row.professionTheme,
});

/** Writes the generation row and hands its poses to a Durable Object (credits are already reserved). */
async function startGeneration(env: Env, generationId: string, body: z.infer<typeof NewGeneration>, avatar: Avatar) {
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
      quality: body.quality,
      provider: body.provider ?? null,
      modelId: body.quality === "hd" ? DEFAULT_MODELS.hd : DEFAULT_MODELS.sd,
      basePrompt: buildBasePrompt(avatar, body.prompt),
      negativePrompt: buildNegativePrompt(body.negativePrompt),
      seed: body.seed ?? null,
      fashionSettings: body.fashionSettings && hasFashion(body.fashionSettings) ? body.fashionSettings : null,
      backgroundSettings: body.backgroundSettings ?? null,
      professionTheme: body.professionTheme ?? null,
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
    provider: body.provider ?? null,
    poseTemplateIds: body.poseTemplateIds,
  });
  return { ...state!, ...rowFields(row!) };
}

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("POST", "/", jsonLimit());

export const generationRoutes = router
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Generate an avatar in several poses",
      request: { body: { required: true, content: { "application/json": { schema: NewGeneration } } } },
      responses: {
        202: jsonResponse(GenerationState, "Started"),
        ...errors,
        402: jsonResponse(ErrorResponse, "Not enough credits"),
        409: jsonResponse(ErrorResponse, "No provider configured"),
        429: jsonResponse(ErrorResponse, "Daily pose limit reached"),
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const body = c.req.valid("json");
      const limit = maxPoses(c.env);
      if (body.poseTemplateIds.length > limit) {
        throw new ApiError(
          400,
          "too_many_poses",
          `At most ${limit} poses per generation; you picked ${body.poseTemplateIds.length}.`,
        );
      }
      const d = db(c.env);
      const avatar = await d.query.avatars.findFirst({
        where: and(eq(avatars.id, body.avatarId), eq(avatars.userId, userId)),
      });
      if (!avatar) throw new ApiError(404, "avatar_not_found", "Avatar not found among yours.");
      const visible = await d
        .select({ id: poseTemplates.id })
        .from(poseTemplates)
        .where(
          and(
            inArray(poseTemplates.id, body.poseTemplateIds),
            sql`((${poseTemplates.visibility} = 'public' and ${poseTemplates.isActive} = 1) or ${poseTemplates.userId} = ${userId})`,
          ),
        );
      const found = new Set(visible.map((t) => t.id));
      const missing = body.poseTemplateIds.filter((id) => !found.has(id));
      if (missing.length) {
        throw new ApiError(
          404,
          "template_not_found",
          `Pose template${missing.length > 1 ? "s" : ""} not found: ${missing.slice(0, 5).join(", ")}.`,
          { missing },
        );
      }
      const providers = configuredProviders(c.env);
      if (providers.length === 0) {
        throw new ApiError(
          409,
          "provider_not_configured",
          "No AI provider is configured, so poses cannot be generated. Set HF_TOKEN (and HF_ENDPOINT_URL) or A1111_URL; see the README.",
        );
      }
      if (needsInpainting(body.fashionSettings) && configuredInpaintingProviders(c.env).length === 0) {
        throw new ApiError(
          422,
          "fashion_unavailable",
          "Hijab and outfit styles need an inpainting provider, and none is configured (HF_TOKEN with HF_INPAINTING_ENDPOINT_URL, SEGMIND_API_KEY, or Workers AI). Accessories work without one.",
        );
      }
      if (body.backgroundSettings?.mode === "image")
        if (!(await findBackground(c.env, userId, body.backgroundSettings.backgroundId))) throw notFound("Background");
      if (body.professionTheme && !(await findTheme(c.env, userId, body.professionTheme))) {
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
      const generationId = crypto.randomUUID();
      // Round 0 of every pose, reserved all at once; the generation's Durable Object settles each.
      const firstRound = body.poseTemplateIds.map((templateId) => ({ templateId, round: 0 }));
      const reservation = await reservePoses(c.env, { userId, generationId, quality: body.quality, poses: firstRound });
      if (!reservation.ok) throw refusal(reservation);
      try {
        return c.json(await startGeneration(c.env, generationId, body, avatar), 202);
      } catch (err) {
        await settlePoses(c.env, { generationId, rounds: firstRound.map((p) => ({ ...p, outcome: "refund" })) });
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My generations, newest first",
      request: { query: PageQuery },
      responses: { 200: jsonResponse(page(GenerationSummary), "A page of generations"), ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const pg = newestFirst(poseGenerations, c.req.valid("query"));
      const rows = await db(c.env)
        .select()
        .from(poseGenerations)
        .where(and(eq(poseGenerations.userId, userId), pg.where))
        .orderBy(...pg.orderBy)
        .limit(pg.take);
      const { items, nextCursor } = pg.page(rows);
      return c.json({ items: items.map(summary), nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      summary: "A generation's state and its poses (for polling)",
      request: { params: IdParam },
      responses: { 200: jsonResponse(GenerationState, "The generation"), ...errors },
    }),
    async (c) => {
      const row = await findOwned(c.env, requireCaller(c).userId, c.req.valid("param").id);
      const state = await generationStub(c.env, row.id).state();
      if (!state) throw notFound("Generation");
      return c.json({ ...state, ...rowFields(row) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete a generation: it stops, and its poses and every stage image go",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findOwned(c.env, userId, c.req.valid("param").id);
      await deleteGeneration(c.env, userId, row.id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/cancel",
      summary: "Stop the remaining poses",
      request: { params: IdParam },
      responses: { 200: jsonResponse(GenerationState, "The generation"), ...errors },
    }),
    async (c) => {
      const row = await findOwned(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return c.json({ ...(await generationStub(c.env, row.id).cancel())!, ...rowFields(row) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      summary: "Run the failed poses again (their credits are reserved again)",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(GenerationState, "The generation"),
        ...errors,
        402: jsonResponse(ErrorResponse, "Not enough credits"),
        429: jsonResponse(ErrorResponse, "Daily pose limit reached"),
      },
    }),
    async (c) => {
      const row = await findOwned(c.env, requireCaller(c).userId, c.req.valid("param").id);
      if (configuredProviders(c.env).length === 0) {
        throw new ApiError(
          409,
          "provider_not_configured",
          "No AI provider is configured, so poses cannot be generated.",
        );
      }
      const result = (await generationStub(c.env, row.id).retryFailed())!;
      if ("refused" in result) throw refusal(result.refused as Refused);
      return c.json({ ...result, ...rowFields(row) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/poses/{poseId}/image",
      summary: "One generated pose image: the final one, or ?stage=base|fashion|background for an earlier stage",
      request: {
        params: IdParam.extend({ poseId: z.string().min(1).max(80) }),
        query: z.object({ stage: z.enum(["final", "base", "fashion", "background"]).default("final") }),
      },
      responses: { 200: { description: "JPEG" }, 304: { description: "Not modified" }, ...errors },
    }),
    async (c) => {
      const { id, poseId } = c.req.valid("param");
      const row = await findOwned(c.env, requireCaller(c).userId, id);
      const pose = await db(c.env).query.generatedPoses.findFirst({
        where: and(
          eq(generatedPoses.generationId, row.id),
          eq(generatedPoses.poseTemplateId, poseId),
          eq(generatedPoses.success, true),
        ),
      });
      if (!pose?.outputKey) throw notFound("Pose image");
      const stage = c.req.valid("query").stage;
      if (stage === "final") return serveR2Object(c, pose.outputKey);
      // An earlier stage's image: JPEG, or PNG where the background was removed.
      const jpeg = r2Keys.generationImage(row.id, poseId, stage);
      return serveR2Object(c, (await c.env.IMAGES.head(jpeg)) ? jpeg : r2Keys.generationPng(row.id, poseId, stage));
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/download.zip",
      summary: "Every successful image of a generation as a ZIP",
      request: { params: IdParam },
      responses: { 200: { description: "ZIP archive" }, ...errors },
    }),
    async (c) => {
      const row = await findOwned(c.env, requireCaller(c).userId, c.req.valid("param").id);
      const poses = await db(c.env)
        .select({ poseTemplateId: generatedPoses.poseTemplateId, key: generatedPoses.outputKey })
        .from(generatedPoses)
        .where(and(eq(generatedPoses.generationId, row.id), eq(generatedPoses.success, true)));
      const entries = poses
        .filter((p): p is { poseTemplateId: string; key: string } => !!p.key)
        .map((p, i) => ({
          name: `${String(i + 1).padStart(3, "0")}-${p.poseTemplateId}.${p.key.endsWith(".png") ? "png" : "jpg"}`,
          key: p.key,
        }));
      return new Response(zipStream(c.env.IMAGES, entries), {
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="poses-${row.id.slice(0, 8)}.zip"`,
          "cache-control": "private, no-store",
        },
      });
    },
  );

/** GET /api/v1/generations/:id/live — outside OpenAPI: a WebSocket, handed to the Durable Object. */
export const generationLiveRoute = new OpenAPIHono<AppEnv>();
generationLiveRoute.get("/:id/live", signedIn(), async (c) => {
  const row = await findOwned(c.env, requireCaller(c).userId, c.req.param("id"));
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, "upgrade_required", "Connect with a WebSocket, or poll GET /api/v1/generations/:id.");
  }
  return generationStub(c.env, row.id).fetch(c.req.raw);
});
