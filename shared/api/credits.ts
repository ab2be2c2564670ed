import { z } from "zod";

/** Credits one pose costs, by quality (HD runs a bigger model at four times the pixels). */
export const CREDITS_PER_POSE = { sd: 1, hd: 3 } as const;
/** Credits one avatar candidate from text costs. */
export const CREDITS_PER_CANDIDATE = 1;
/** Credits a new account starts with (the 0005 migration gave existing accounts the same). */
export const WELCOME_CREDITS = 200;
/** Poses a user may reserve per UTC day unless an operator set their own limit (DAILY_POSE_LIMIT overrides). */
export const DAILY_POSE_LIMIT = 500;

export const creditCost = (quality: keyof typeof CREDITS_PER_POSE, poses: number) => CREDITS_PER_POSE[quality] * poses;

export const CreditEntry = z.object({
  kind: z.enum(["welcome", "grant", "reserve", "refund"]),
  amount: z.number().int(),
  poses: z.number().int(),
  generationId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** GET /api/v1/credits */
export const Credits = z.object({
  balance: z.number().int(),
  prices: z.object({ sd: z.number().int(), hd: z.number().int(), candidate: z.number().int() }),
  dailyPoseLimit: z.number().int(),
  posesToday: z.number().int(),
  /** When today's count starts again (00:00 UTC). */
  resetsAt: z.string(),
  recent: z.array(CreditEntry),
});
export type Credits = z.infer<typeof Credits>;

/** POST /api/v1/credits/grants (operators): add (or with a negative amount, take) credits. */
export const CreditGrant = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    amount: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    /** A user's own daily pose limit; null returns them to the app's default. */
    dailyPoseLimit: z.number().int().min(0).max(100_000).nullable().optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((g) => (g.amount !== undefined && g.amount !== 0) || g.dailyPoseLimit !== undefined, {
    message: "give a non-zero amount, a dailyPoseLimit, or both",
  });

export const CreditGrantResult = z.object({
  userId: z.string(),
  email: z.string(),
  balance: z.number().int(),
  dailyPoseLimit: z.number().int(),
});
