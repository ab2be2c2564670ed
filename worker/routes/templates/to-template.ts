import type { Template } from "../../../shared/api/templates";
import { localisedTemplateText } from "../../../shared/templates/localise";
import type { PoseTemplate } from "../../db/schema";
import type { ApiLocale } from "../../i18n/locale";

/** The API's view of a template row, for this caller, a built-in's name and description in `locale`. */
export function toTemplate(row: PoseTemplate, userId: string | null, locale: ApiLocale = "en"): Template {
  const base = `/api/v1/templates/${row.id}`;
  const text = localisedTemplateText({ ...row, description: row.description ?? null }, locale);
  return {
    id: row.id,
    name: text.name,
    description: text.description,
    category: row.category,
    tags: row.tags,
    difficulty: row.difficulty,
    gender: row.gender,
    productPlacement: row.productPlacement ?? null,
    successRate: row.successRate ?? null,
    fidelityRate: row.fidelityRate ?? null,
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
