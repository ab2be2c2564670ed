import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Pose } from "../../../shared/pose/model";
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
    /** OKS of the detected pose against `requestedPose`, 0–1; null until a detector scored it. */
    qualityScore: real("quality_score"),
    /** Who detected the pose the score is computed from: the provider's own detector or the owner's browser. */
    qualitySource: text("quality_source", { enum: ["provider", "browser"] }),
    /** The pose detected in the result (one-person Pose JSON at the output size), kept so the score can be recomputed. */
    qualityDetection: text("quality_detection", { mode: "json" }).$type<Pose>(),
    /** The skeleton the engine or provider was given (the retargeted one for instant poses), at the output size. */
    requestedPose: text("requested_pose", { mode: "json" }).$type<Pose>(),
    /** The owner's verdict, 1–5 stars. */
    rating: integer("rating"),
    ratedAt: integer("rated_at", { mode: "timestamp_ms" }),
    /** Single-image downloads (`?download=1`) and ZIP exports that included this result. */
    downloads: integer("downloads").notNull().default(0),
    zipExports: integer("zip_exports").notNull().default(0),
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
