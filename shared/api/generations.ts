import { z } from "zod";
import { stageRequestFields, stageResponseFields } from "../stages";
import { PoseVerdictFields } from "./pose-quality";

export const QUALITIES = ["sd", "hd"] as const;
/** The statuses a generation ends in: nothing changes it any more (until failed poses are retried). */
export const FINAL_GENERATION_STATUSES = ["completed", "partial", "failed", "cancelled"] as const;
export const GENERATION_STATUSES = ["queued", "running", ...FINAL_GENERATION_STATUSES] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];
export const POSE_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
/** Whether a generation's status is final (see FINAL_GENERATION_STATUSES). */
export const isFinalStatus = (status: string): boolean =>
  (FINAL_GENERATION_STATUSES as readonly string[]).includes(status);

/** Output size per quality (2:3 portrait, the templates' aspect). */
export const OUTPUT_SIZE = { sd: { width: 512, height: 768 }, hd: { width: 1024, height: 1536 } } as const;

/**
 * How much an AI vendor may change the instant picture it starts from (img2img denoise): below
 * 0.1 it returns the instant picture nearly untouched, 1 redraws it from noise.
 */
export const INIT_STRENGTH = { min: 0.1, max: 1, default: 0.6 } as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

/** POST /api/v1/generations; the pose count limit (MAX_POSES_PER_GENERATION) is checked by the route. */
export const NewGeneration = z
  .object({
    avatarId: z.string().min(1).max(64),
    poseTemplateIds: z
      .array(z.string().min(1).max(80))
      .min(1, "pick at least one pose")
      .refine((ids) => new Set(ids).size === ids.length, "each pose may be picked once"),
    quality: z.enum(QUALITIES).default("sd"),
    prompt: text(1000).optional(),
    negativePrompt: text(1000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    provider: z.string().min(1).max(40).optional(),
    /** AI vendors that refine the instant picture: how much they may change it (default INSTANT_INIT_STRENGTH). */
    initStrength: z
      .number()
      .min(INIT_STRENGTH.min, `initStrength must be between ${INIT_STRENGTH.min} and ${INIT_STRENGTH.max}`)
      .max(INIT_STRENGTH.max, `initStrength must be between ${INIT_STRENGTH.min} and ${INIT_STRENGTH.max}`)
      .optional(),
    /** Each stage's settings (fashionSettings, backgroundSettings, professionTheme), from its declaration. */
    ...stageRequestFields,
  })
  .strict();
export type NewGeneration = z.infer<typeof NewGeneration>;

export const PoseState = z.object({
  poseTemplateId: z.string(),
  status: z.enum(POSE_STATUSES),
  attempts: z.number().int(),
  /** Why it failed, in the request's language (Accept-Language) in GET; English in live pushes. */
  error: z.string().nullable(),
  /** The failure's code and values (shared/generations/pose-failure.ts), for saying it in another language. */
  errorCode: z.string().nullable().optional(),
  errorParams: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
  /** The engine that made (or last tried) the pose: an AI vendor's name or `instant`. */
  provider: z.string().nullable(),
  /** Its label: "Instant (no AI)" for the built-in engine, the vendor's name for AI. */
  providerLabel: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /** While the pose runs: the stage it is at (`pose`, `fashion`, `background`, `theme`), else null. */
  stage: z.string().nullable().optional(),
  /** Its stages done so far and how many it has (0 of 0 before it starts). */
  stagesDone: z.number().int().optional(),
  stageCount: z.number().int().optional(),
  /** Its score and rating: in GET /generations/:id, not in live pushes. */
  ...PoseVerdictFields,
});
export type PoseState = z.infer<typeof PoseState>;

export const GenerationState = z.object({
  id: z.string(),
  /** Null once the avatar was deleted; the generation and its images stay. */
  avatarId: z.string().nullable(),
  /** The avatar's name when the generation started (kept after the avatar is deleted). */
  avatarName: z.string().nullable().optional(),
  status: z.enum(GENERATION_STATUSES),
  quality: z.enum(QUALITIES),
  provider: z.string().nullable(),
  totalPoses: z.number().int(),
  successfulPoses: z.number().int(),
  failedPoses: z.number().int(),
  /** 0–100: finished poses (succeeded, failed or cancelled) over all poses. */
  progress: z.number().int(),
  /**
   * 0–100: the work done, stage by stage — a finished pose (made or failed) counts whole, a running
   * pose of three stages in thirds, a cancelled one not at all. Live states only, not lists.
   */
  stageProgress: z.number().int().optional(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  downloadUrl: z.string(),
  /** Each picked pose's name by template id, as the generation recorded it (results are called by it). */
  poseNames: z.record(z.string(), z.string()).optional(),
  /** How much an AI vendor may change the instant picture it starts from; null for older generations. */
  initStrength: z.number().nullable().optional(),
  /** The later stages' settings asked for; each pose's image is then the last stage's, `?stage=base` the plain pose. */
  ...stageResponseFields,
  poses: z.array(PoseState),
});
export type GenerationState = z.infer<typeof GenerationState>;

export const GenerationSummary = GenerationState.omit({ poses: true }).extend({
  /** The first successful pose's image (in the order picked), for the run history; null before any. */
  thumbnailUrl: z.string().nullable().optional(),
});
