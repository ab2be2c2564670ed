import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { poseGenerations } from "./pose-generations";

export const generatedPoses = sqliteTable(
  "generated_poses",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    generationId: text("generation_id")
      .notNull()
      .references(() => poseGenerations.id, { onDelete: "cascade" }),
    poseTemplateId: text("pose_template_id").notNull(),
    prompt: text("prompt").notNull(),
    outputUrl: text("output_url"),
    outputKey: text("output_key"),
    success: integer("success", { mode: "boolean" }).notNull(),
    qualityScore: real("quality_score"),
    /** Milliseconds from the first provider call to the stored image. */
    generationTime: integer("generation_time"),
    provider: text("provider"),
    /**
     * What an AI vendor started from: "instant" (the avatar's rig drawn in the pose, its skeleton as
     * the control image) or "template" (the template's skeleton alone); null for the instant engine.
     */
    startImage: text("start_image", { enum: ["instant", "template"] }),
    error: text("error"),
    attempts: integer("attempts").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    // One row per pose of a generation: redelivered queue messages cannot add a second.
    uniqueIndex("generated_poses_generation_template_idx").on(t.generationId, t.poseTemplateId),
    index("generated_poses_user_idx").on(t.userId, t.createdAt),
  ],
);

export type GeneratedPose = typeof generatedPoses.$inferSelect;
