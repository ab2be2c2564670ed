import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

/** One row per text-to-avatar candidate attempt: provider, time, attempts, cost, outcome. */
export const avatarGenerationMetrics = sqliteTable(
  "avatar_generation_metrics",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    provider: text("provider"),
    model: text("model"),
    attempts: integer("attempts").notNull(),
    generationTime: integer("generation_time").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
    errorClass: text("error_class"),
    estimatedCostUsd: real("estimated_cost_usd").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("avatar_generation_metrics_provider_idx").on(t.provider, t.createdAt),
    index("avatar_generation_metrics_user_idx").on(t.userId, t.createdAt),
  ],
);
