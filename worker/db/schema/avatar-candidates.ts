import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

/** An avatar made from text that the user has not saved yet; purged after it expires. */
export const avatarCandidates = sqliteTable(
  "avatar_candidates",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    imageKey: text("image_key").notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** The user's own description, and the full prompt the provider received. */
    description: text("description").notNull(),
    prompt: text("prompt").notNull(),
    gender: text("gender", { enum: ["female", "male", "any"] }),
    ageRange: text("age_range"),
    style: text("style"),
    seed: integer("seed").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("avatar_candidates_user_idx").on(t.userId), index("avatar_candidates_expiry_idx").on(t.expiresAt)],
);

export type AvatarCandidateRow = typeof avatarCandidates.$inferSelect;
