import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { id, updatedAt } from "./columns";

/** Per user and month: how much design work the product did for them. */
export const designMetrics = sqliteTable(
  "design_metrics",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** Calendar month, "YYYY-MM". */
    month: text("month").notNull(),
    timesCreated: integer("times_created").notNull().default(0),
    /** Milliseconds. */
    avgCreationTime: integer("avg_creation_time").notNull().default(0),
    /** Minutes of manual work saved. */
    totalTimeSaved: integer("total_time_saved").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("design_metrics_user_month_idx").on(t.userId, t.month)],
);
