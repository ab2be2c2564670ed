import { z } from "zod";

/** The product plan's targets and alert levels. */
export const THRESHOLDS = {
  successRate: { target: 0.9, alert: 0.8 },
  secondsPerPose: { target: 30, alert: 60 },
  queueDepth: { target: 100, alert: 100 },
  failedJobRate: { target: 0.05, alert: 0.05 },
  /** Share of scored results whose pose matches the skeleton (OKS ≥ POSE_MIN_OKS). */
  fidelityRate: { target: 0.9, alert: 0.8 },
  /** The owners' verdict, 1–5 stars. */
  meanRating: { target: 4, alert: 3 },
} as const;

/** Manual work one finished pose stands for (a photographer's setup, shot and retouch), in minutes. */
export const MINUTES_SAVED_PER_POSE = 20;

export const MetricsQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM")
    .optional(),
});

const Rate = z.object({ attempts: z.number().int(), succeeded: z.number().int(), successRate: z.number().nullable() });

const TemplateFigures = z
  .object({ templateId: z.string(), name: z.string().nullable(), avgSeconds: z.number().nullable() })
  .merge(Rate);

/**
 * How good the results were: pose scores (meanOks, fidelityRate over the scored ones), the owners'
 * ratings, the share of rounds that re-ran a pose (retryRate) and of results exported (exportRate).
 * Quality figures are those of each pose's stored result, credited to the round that made it.
 */
export const QualityFigures = z.object({
  scored: z.number().int(),
  meanOks: z.number().nullable(),
  fidelityRate: z.number().nullable(),
  rated: z.number().int(),
  meanRating: z.number().nullable(),
  retryRate: z.number().nullable(),
  exportRate: z.number().nullable(),
});
export type QualityFigures = z.infer<typeof QualityFigures>;

/** One row of the provider/model comparison. */
export const ProviderComparison = z
  .object({ provider: z.string(), model: z.string(), avgSeconds: z.number().nullable(), costUsd: z.number() })
  .merge(Rate)
  .merge(QualityFigures);

export const Metrics = z.object({
  month: z.string(),
  /** The plan's designMetrics. */
  design: z.object({
    timesCreated: z.number().int(),
    posesGenerated: z.number().int(),
    avgCreationTimeMs: z.number().nullable(),
    totalTimeSavedMinutes: z.number().int(),
  }),
  poses: Rate.extend({
    avgSeconds: z.number().nullable(),
    /** Provider calls made (what was paid for), every delivery and round counted. */
    providerCalls: z.number().int(),
    /** Poses stopped at POSE_MAX_PROVIDER_CALLS. */
    cappedPoses: z.number().int(),
  }),
  byQuality: z.array(z.object({ quality: z.string(), avgSeconds: z.number().nullable() }).merge(Rate)),
  byProvider: z.array(
    z.object({ provider: z.string(), costUsd: z.number(), errorRate: z.number().nullable() }).merge(Rate),
  ),
  /** Day by day (UTC), for charts over the month. */
  daily: z.array(z.object({ day: z.string(), avgSeconds: z.number().nullable() }).merge(Rate)),
  /** Least reliable first. */
  templates: z.array(TemplateFigures),
  /** Slowest first (average time of the successful poses). */
  slowestTemplates: z.array(TemplateFigures),
  textToAvatar: z.object({ costUsd: z.number() }).merge(Rate),
  quality: QualityFigures,
  /** Per template, most results first (top 20). */
  qualityByTemplate: z.array(z.object({ templateId: z.string(), name: z.string().nullable() }).merge(QualityFigures)),
  /** Per provider and model, most rounds first. */
  providerComparison: z.array(ProviderComparison),
});
export type Metrics = z.infer<typeof Metrics>;

export const OperatorMetrics = Metrics.extend({
  queueDepth: z.number().int(),
  failedJobRate: z.number().nullable(),
  /** Which of the plan's thresholds are crossed right now. */
  alerts: z.array(z.object({ metric: z.string(), value: z.number(), limit: z.number(), message: z.string() })),
});
export type OperatorMetrics = z.infer<typeof OperatorMetrics>;
