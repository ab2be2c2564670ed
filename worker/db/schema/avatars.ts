import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Pose } from "../../../shared/pose/model";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";

export const avatars = sqliteTable(
  "avatars",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** API paths the client loads the images from (served through the Worker, ownership checked). */
    baseImageUrl: text("base_image_url").notNull(),
    thumbnailUrl: text("thumbnail_url").notNull(),
    /** R2 keys, built by the server only. */
    imageKey: text("image_key").notNull(),
    thumbnailKey: text("thumbnail_key").notNull(),
    /** The browser's cut-out (RGBA PNG) sent with the upload, reused as a person mask. */
    cutoutKey: text("cutout_key"),
    /**
     * The avatar's rig for the instant pose engine: R2 key of the person cut-out (RGBA PNG) at the
     * size the engine works at, and the person's own OpenPose pose in that image's pixels. Null
     * until detected in the browser or sent with the upload / PUT …/rig.
     */
    rigKey: text("rig_key"),
    rigPose: text("rig_pose", { mode: "json" }).$type<Pose>(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Hex SHA-256 of the stored original: the image's ETag. */
    sha256: text("sha256").notNull(),
    gender: text("gender", { enum: ["female", "male", "any"] }),
    ageRange: text("age_range"),
    style: text("style"),
    sourceType: text("source_type", { enum: ["upload", "ai_generated"] })
      .notNull()
      .default("upload"),
    generationPrompt: text("generation_prompt"),
    faceEmbedding: text("face_embedding", { mode: "json" }).$type<number[]>(),
    usageCount: integer("usage_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("avatars_user_created_idx").on(t.userId, t.createdAt, t.id)],
);

export type Avatar = typeof avatars.$inferSelect;
