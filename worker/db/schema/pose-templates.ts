import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";

export const poseTemplates = sqliteTable(
  "pose_templates",
  {
    id: id(),
    /** Null for the built-in library. */
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    category: text("category").notNull(),
    /** OpenPose JSON as written by shared/pose. */
    keypointsJson: text("keypoints_json").notNull(),
    canvasWidth: integer("canvas_width").notNull(),
    canvasHeight: integer("canvas_height").notNull(),
    previewUrl: text("preview_url"),
    previewKey: text("preview_key"),
    difficulty: text("difficulty", { enum: ["simple", "medium", "complex"] }).notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    gender: text("gender", { enum: ["female", "male", "any"] })
      .notNull()
      .default("any"),
    productPlacement: text("product_placement"),
    successRate: real("success_rate"),
    /** Share of this template's scored results whose pose score reaches POSE_MIN_OKS; null until one is scored. */
    fidelityRate: real("fidelity_rate"),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    visibility: text("visibility", { enum: ["public", "private"] })
      .notNull()
      .default("private"),
    isBuiltIn: integer("is_built_in", { mode: "boolean" }).notNull().default(false),
    forkedFromId: text("forked_from_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pose_templates_visibility_category_idx").on(t.visibility, t.category, t.createdAt),
    index("pose_templates_user_created_idx").on(t.userId, t.createdAt, t.id),
  ],
);

export type PoseTemplate = typeof poseTemplates.$inferSelect;
