import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt } from "./columns";
import { poseTemplates } from "./pose-templates";

/** A pose a user starred in the library: one row per user and template, gone with either. */
export const poseFavourites = sqliteTable(
  "pose_favourites",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    templateId: text("template_id")
      .notNull()
      .references(() => poseTemplates.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.templateId] }), index("pose_favourites_template_idx").on(t.templateId)],
);
