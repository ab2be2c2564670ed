import { GENERATION_STATUSES } from "../../../shared/api/generations";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { avatars } from "./avatars";
import { createdAt, id, updatedAt } from "./columns";

export const poseGenerations = sqliteTable(
  "pose_generations",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** Null once the avatar is deleted: a user's results outlive the avatar they were made with. */
    avatarId: text("avatar_id").references(() => avatars.id, { onDelete: "set null" }),
    /** The avatar's name when the generation started, shown after the avatar is gone. */
    avatarName: text("avatar_name"),
    totalPoses: integer("total_poses").notNull(),
    selectedPoseIds: text("selected_pose_ids", { mode: "json" }).$type<string[]>().notNull(),
    /** Each picked pose's name when the generation started (results and their file names outlive templates). */
    poseNames: text("pose_names", { mode: "json" }).$type<Record<string, string>>(),
    quality: text("quality", { enum: ["sd", "hd"] }).notNull(),
    /** Every stage's settings by stage name (shared/stages), so a new stage needs no column. */
    stageSettings: text("stage_settings", { mode: "json" }).$type<Record<string, unknown>>(),
    provider: text("provider"),
    basePrompt: text("base_prompt"),
    negativePrompt: text("negative_prompt"),
    seed: integer("seed"),
    /** How much an AI vendor may change the instant picture it starts from (0.1–1); null before it existed. */
    initStrength: real("init_strength"),
    status: text("status", { enum: GENERATION_STATUSES }).notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    successfulPoses: integer("successful_poses").notNull().default(0),
    failedPoses: integer("failed_poses").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("pose_generations_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("pose_generations_avatar_idx").on(t.avatarId),
  ],
);

export type PoseGeneration = typeof poseGenerations.$inferSelect;
