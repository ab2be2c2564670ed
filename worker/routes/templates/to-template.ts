import type { Template } from "../../../shared/api/templates";
import type { PoseTemplate } from "../../db/schema";

/** The API's view of a template row, for this caller. */
export function toTemplate(row: PoseTemplate, userId: string | null): Template {
  const base = `/api/v1/templates/${row.id}`;
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    category: row.category,
    tags: row.tags,
    difficulty: row.difficulty,
    gender: row.gender,
    productPlacement: row.productPlacement ?? null,
    successRate: row.successRate ?? null,
    visibility: row.visibility,
    isBuiltIn: row.isBuiltIn,
    mine: userId !== null && row.userId === userId,
    forkedFromId: row.forkedFromId ?? null,
    canvasWidth: row.canvasWidth,
    canvasHeight: row.canvasHeight,
    previewUrl: `${base}/preview.png`,
    skeletonUrl: `${base}/skeleton.png`,
    openposeUrl: `${base}/openpose.json`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
