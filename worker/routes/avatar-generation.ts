// Avatars from text: generate candidates, look at them, save one as an avatar.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import {
  AvatarGenerateRequest,
  AvatarGenerateResponse,
  CandidateList,
  SaveCandidateRequest,
} from "../../shared/api/avatar-generation";
import { Avatar } from "../../shared/api/avatars";
import { ErrorResponse } from "../../shared/api/errors";
import { inspectImage } from "../../shared/images/inspect-image";
import { generateCandidates } from "../avatars/generate-candidates";
import { listCandidates } from "../avatars/list-candidates";
import { refundCandidateCredits, refusal, reserveCandidateCredits } from "../credits/ledger";
import { storeAvatar, toAvatar } from "../avatars/store-avatar";
import { db } from "../db/client";
import { avatarCandidates } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError, notFound } from "../errors";
import { requireCaller, signedIn } from "../middleware/caller";
import { jsonLimit } from "../middleware/json-limit";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";
import { serveR2Object } from "../storage/serve-r2-object";
import { localeOf } from "../i18n/locale";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such candidate of yours (or it expired)"),
};
const CandidateParam = z.object({ candidateId: z.string().min(1).max(64) });

/** The caller's candidate, if it has not expired. */
async function findCandidate(env: Env, userId: string, id: string) {
  const row = await db(env).query.avatarCandidates.findFirst({
    where: and(eq(avatarCandidates.id, id), eq(avatarCandidates.userId, userId)),
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) throw notFound("Candidate");
  return row;
}

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("POST", "*", jsonLimit());

export const avatarGenerationRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My avatar candidates not yet saved nor expired, newest first",
      responses: { 200: jsonResponse(CandidateList, "The candidates"), 401: errors[401] },
    }),
    async (c) => c.json(await listCandidates(c.env, requireCaller(c).userId), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Generate avatar candidates from a description",
      description:
        "Builds a full-body, front-facing prompt from the description and choices, and returns up to 4 " +
        "candidates (seeds seed, seed+1, …). Candidates expire after 24 hours unless saved.",
      request: { body: { required: true, content: { "application/json": { schema: AvatarGenerateRequest } } } },
      responses: {
        200: jsonResponse(AvatarGenerateResponse, "The candidates (and any that failed)"),
        400: errors[400],
        401: errors[401],
        402: jsonResponse(ErrorResponse, "Not enough credits (a candidate costs 1)"),
        424: jsonResponse(ErrorResponse, "The provider failed, or none is configured"),
        429: jsonResponse(ErrorResponse, "The provider is busy or warming up; Retry-After says when to try again"),
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const body = c.req.valid("json");
      // Candidates are paid for up front; those that could not be made are given back.
      const charge = { userId, batchId: crypto.randomUUID(), candidates: body.count };
      const reservation = await reserveCandidateCredits(c.env, charge);
      if (!reservation.ok) throw refusal(reservation);
      let result;
      try {
        result = await generateCandidates(c.env, userId, body, c.get("requestId"), localeOf(c));
      } catch (err) {
        await refundCandidateCredits(c.env, charge);
        throw err;
      }
      await refundCandidateCredits(c.env, { ...charge, candidates: result.failed.length });
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{candidateId}/image",
      summary: "A candidate's image",
      request: { params: CandidateParam },
      responses: { 200: { description: "The image (JPEG, PNG or WebP)" }, 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const row = await findCandidate(c.env, requireCaller(c).userId, c.req.valid("param").candidateId);
      return serveR2Object(c, row.imageKey);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{candidateId}/save",
      summary: "Save a candidate as an avatar",
      request: {
        params: CandidateParam,
        body: { required: true, content: { "application/json": { schema: SaveCandidateRequest } } },
      },
      responses: { 201: jsonResponse(Avatar, "The new avatar"), ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const candidate = await findCandidate(c.env, userId, c.req.valid("param").candidateId);
      const object = await c.env.IMAGES.get(candidate.imageKey);
      if (!object) throw notFound("Candidate");
      const bytes = new Uint8Array(await object.arrayBuffer());
      const header = inspectImage(bytes);
      // It was checked when it arrived; a failure here means storage lost or mangled it.
      if (!header.ok) throw new ApiError(410, "candidate_gone", "This candidate's image is no longer available.");
      const row = await storeAvatar(c.env, userId, bytes, header, {
        name: c.req.valid("json").name,
        sourceType: "ai_generated",
        generationPrompt: candidate.prompt,
        gender: candidate.gender,
        ageRange: candidate.ageRange,
        style: candidate.style,
      });
      // Saved once: the candidate is used up.
      await db(c.env).delete(avatarCandidates).where(eq(avatarCandidates.id, candidate.id));
      await c.env.IMAGES.delete(candidate.imageKey);
      return c.json(toAvatar(row), 201);
    },
  );
