import { z } from "zod";
import { AGE_RANGES, AVATAR_NAME_MAX, GENDERS } from "./avatars";
import { textField } from "./fields";

export const AVATAR_PROMPT_MAX = 2000;
export const AVATAR_STYLES = ["casual", "business", "modest-fashion", "traditional", "streetwear", "sporty"] as const;
export const AVATAR_MODELS = ["sdxl", "flux"] as const;
export const CANDIDATES_MAX = 4;
/** How long an unsaved candidate is kept. */
export const CANDIDATE_TTL_HOURS = 24;

/** POST /api/v1/avatars/generate */
export const AvatarGenerateRequest = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, "describe the person")
      .max(AVATAR_PROMPT_MAX, `must be at most ${AVATAR_PROMPT_MAX} characters`),
    gender: z.enum(GENDERS).default("any"),
    ageRange: z.enum(AGE_RANGES).optional(),
    style: z.enum(AVATAR_STYLES).optional(),
    /** Candidate i uses seed + i; omitted, the server picks one. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    count: z.number().int().min(1).max(CANDIDATES_MAX).default(2),
    model: z.enum(AVATAR_MODELS).default("flux"),
  })
  .strict();
export type AvatarGenerateRequest = z.infer<typeof AvatarGenerateRequest>;

export const AvatarCandidate = z.object({
  id: z.string(),
  imageUrl: z.string(),
  seed: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  provider: z.string(),
  model: z.string(),
  expiresAt: z.string(),
});
export type AvatarCandidate = z.infer<typeof AvatarCandidate>;

export const AvatarGenerateResponse = z.object({
  /** The prompt the provider received, built from the description and the choices. */
  prompt: z.string(),
  negativePrompt: z.string(),
  candidates: z.array(AvatarCandidate),
  /** Candidates that could not be made, with why (the others still came back). */
  failed: z.array(z.object({ seed: z.number().int(), message: z.string() })),
});
export type AvatarGenerateResponse = z.infer<typeof AvatarGenerateResponse>;

/** GET /api/v1/avatars/generate: my candidates not saved and not expired, newest first (paid for, so kept findable). */
export const CandidateList = z.object({
  items: z.array(
    AvatarCandidate.extend({
      /** What the user described. */
      description: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type CandidateList = z.infer<typeof CandidateList>;

/** POST /api/v1/avatars/generate/{candidateId}/save */
export const SaveCandidateRequest = z.object({ name: textField(AVATAR_NAME_MAX) }).strict();
