// Text-to-avatar: `count` candidates (seeds seed, seed+1, …) through the text-to-image providers
// with the same fallback chain, retries, limiter and metrics as poses; each stored in R2 as an
// unsaved candidate that expires.
import {
  CANDIDATE_TTL_HOURS,
  type AvatarCandidate,
  type AvatarGenerateRequest,
  type AvatarGenerateResponse,
} from "../../shared/api/avatar-generation";
import { inspectImage } from "../../shared/images/inspect-image";
import { buildAvatarPrompt } from "../../shared/prompts/avatar-prompt";
import { db } from "../db/client";
import { avatarCandidates, avatarGenerationMetrics, type AvatarCandidateRow } from "../db/schema";
import { ApiError } from "../errors";
import { callProviders } from "../providers/call-providers";
import { ProviderError } from "../providers/provider";
import { RetriesExhausted, RetryLater } from "../providers/retry";
import { configuredTextProviders, providerLabel } from "../providers/registry";
import { poseFailureText, providerFailureCode } from "../../shared/generations/pose-failure";
import type { ApiLocale } from "../i18n/locale";
import { r2Keys } from "../storage/r2-keys";

/** 2:3 like the pose outputs; a multiple of 64 for SDXL and FLUX. */
export const AVATAR_SIZE = { width: 768, height: 1152 };
/** Someone is waiting on the answer: hand long provider waits back to them instead of holding. */
const MAX_INLINE_WAIT_MS = 10_000;

export const candidateImageUrl = (id: string) => `/api/v1/avatars/generate/${id}/image`;

export function toCandidate(row: AvatarCandidateRow): AvatarCandidate {
  return {
    id: row.id,
    imageUrl: candidateImageUrl(row.id),
    seed: row.seed,
    width: row.width,
    height: row.height,
    provider: row.provider,
    model: row.model,
    expiresAt: row.expiresAt.toISOString(),
  };
}

type Outcome =
  { ok: true; row: AvatarCandidateRow } | { ok: false; seed: number; error: ProviderError; retryAfterMs?: number };

export async function generateCandidates(
  env: Env,
  userId: string,
  request: AvatarGenerateRequest,
  requestId: string,
  locale: ApiLocale = "en",
): Promise<AvatarGenerateResponse> {
  const providers = configuredTextProviders(env);
  if (providers.length === 0) {
    throw new ApiError(
      424,
      "no_text_provider",
      "No text-to-image provider is configured, so avatars cannot be made from text yet. Upload a photo instead.",
    );
  }
  const { prompt, negativePrompt } = buildAvatarPrompt(request);
  const baseSeed = request.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
  const seeds = Array.from({ length: request.count }, (_, i) => (baseSeed + i) % 2 ** 32);

  const one = async (seed: number, index: number): Promise<Outcome> => {
    const started = Date.now();
    let lastKind: string | null = null;
    const metric = { userId, provider: null as string | null, model: null as string | null, attempts: 0 };
    try {
      const { value, provider, attempts } = await callProviders(
        env,
        providers,
        async (p, n) => {
          const image = await p.textToImage({
            prompt,
            negativePrompt,
            ...AVATAR_SIZE,
            seed,
            model: request.model,
            traceId: `${userId}/avatar/${requestId}/${index}.${n}`,
          });
          const header = inspectImage(image.bytes);
          if (!header.ok)
            throw new ProviderError("bad_response", `The provider's image is unusable: ${header.message}`, p.name);
          return { image, header };
        },
        {
          policy: { maxInlineWaitMs: MAX_INLINE_WAIT_MS },
          onAttempt: (_, log) => (lastKind = log.error?.kind ?? null),
        },
      );
      const id = crypto.randomUUID();
      const imageKey = r2Keys.avatarCandidate(userId, id, value.image.contentType);
      await env.IMAGES.put(imageKey, value.image.bytes, { httpMetadata: { contentType: value.image.contentType } });
      const [row] = await db(env)
        .insert(avatarCandidates)
        .values({
          id,
          userId,
          imageKey,
          contentType: value.image.contentType,
          width: value.header.displayWidth,
          height: value.header.displayHeight,
          description: request.prompt,
          prompt,
          gender: request.gender,
          ageRange: request.ageRange ?? null,
          style: request.style ?? null,
          seed,
          provider: provider.name,
          model: value.image.model,
          expiresAt: new Date(Date.now() + CANDIDATE_TTL_HOURS * 3600_000),
        })
        .returning();
      await db(env)
        .insert(avatarGenerationMetrics)
        .values({
          ...metric,
          provider: provider.name,
          model: value.image.model,
          attempts,
          generationTime: Date.now() - started,
          success: true,
          estimatedCostUsd: provider.estimatedCost(request.model),
        });
      return { ok: true, row: row! };
    } catch (err) {
      const failure =
        err instanceof RetriesExhausted
          ? { error: err.cause, attempts: err.attempts }
          : err instanceof RetryLater
            ? { error: err.cause, attempts: err.attempts, retryAfterMs: err.delayMs }
            : null;
      if (!failure) throw err;
      await db(env)
        .insert(avatarGenerationMetrics)
        .values({
          ...metric,
          provider: failure.error.provider,
          attempts: failure.attempts,
          generationTime: Date.now() - started,
          success: false,
          errorClass: lastKind ?? failure.error.kind,
        });
      return {
        ok: false,
        seed,
        error: failure.error,
        retryAfterMs: failure.retryAfterMs ?? failure.error.retryAfterMs,
      };
    }
  };

  const outcomes = await Promise.all(seeds.map(one));
  const candidates = outcomes.flatMap((o) => (o.ok ? [toCandidate(o.row)] : []));
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [{ seed: o.seed, message: failureText(o.error, locale) }]));
  if (candidates.length === 0) throw providerFailure(outcomes.find((o) => !o.ok) as Extract<Outcome, { ok: false }>);
  return { prompt, negativePrompt, candidates, failed };
}

/** Why a candidate was not made, in `locale` (the vendor's own words in English). */
const failureText = (error: ProviderError, locale: ApiLocale) =>
  poseFailureText(
    error.message,
    { code: providerFailureCode(error.kind), params: { provider: providerLabel(error.provider) ?? error.provider } },
    locale,
  ) ?? error.message;

/** Every candidate failed: a busy provider is a 429 with a wait; anything else a 424 that says why. */
function providerFailure({ error, retryAfterMs }: Extract<Outcome, { ok: false }>): ApiError {
  const seconds = Math.max(1, Math.ceil((retryAfterMs ?? 0) / 1000));
  if (error.kind === "loading" || error.kind === "rate_limited") {
    const why = error.kind === "loading" ? "is warming up" : "is busy";
    return new ApiError(429, "provider_busy", `The image model ${why}. Try again in about ${seconds} s.`, {
      retryAfterSeconds: seconds,
      provider: error.provider,
    });
  }
  const what: Record<string, string> = {
    timeout: "did not answer in time",
    bad_response: "answered without a usable image",
    server: "had an error",
    rejected: "refused the request",
  };
  return new ApiError(424, "provider_failed", `The image provider ${what[error.kind] ?? "failed"}: ${error.message}`, {
    provider: error.provider,
    kind: error.kind,
  });
}
