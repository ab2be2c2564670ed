import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

/** One row per pose outcome: what it cost and how it went, per provider and template. */
export const poseMetrics = sqliteTable(
  "pose_metrics",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    generationId: text("generation_id").notNull(),
    poseTemplateId: text("pose_template_id").notNull(),
    provider: text("provider"),
    model: text("model"),
    quality: text("quality", { enum: ["sd", "hd"] }).notNull(),
    attempts: integer("attempts").notNull(),
    /** Provider calls in the round this row ends, every delivery of it counted (what was paid for). */
    providerCalls: integer("provider_calls").notNull().default(0),
    /** Milliseconds from the first provider call to the stored image (or the final failure). */
    generationTime: integer("generation_time").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
    /** The last error's kind (loading, rate_limited, server, timeout, bad_response, rejected, …). */
    errorClass: text("error_class"),
    estimatedCostUsd: real("estimated_cost_usd").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("pose_metrics_template_idx").on(t.poseTemplateId, t.success),
    index("pose_metrics_provider_idx").on(t.provider, t.createdAt),
    index("pose_metrics_user_idx").on(t.userId, t.createdAt),
  ],
);
