import type { Template } from "../../shared/api/templates";
import { localisedTemplateText } from "../../shared/templates/localise";
import type { PoseTemplate } from "../db/schema";
import type { ApiLocale } from "../i18n/locale";
import { favouritesAmong } from "./favourites";

/**
 * The API's view of a template row, for this caller (whether it is theirs, whether they starred
 * it), a built-in's name and description in `locale`.
 */
export function toTemplate(
  row: PoseTemplate,
  userId: string | null,
  locale: ApiLocale = "en",
  favourite = false,
): Template {
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
    favourite,
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

/** `rows` as the API shows them to this caller, each marked starred or not (one query for all). */
export async function viewTemplates(
  env: Env,
  rows: PoseTemplate[],
  userId: string | null,
  locale: ApiLocale,
): Promise<Template[]> {
  const starred = await favouritesAmong(
    env,
    userId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTemplate(r, userId, locale, starred.has(r.id)));
}

/** One row as the API shows it to this caller, with its keypoints. */
export async function viewTemplate(env: Env, row: PoseTemplate, userId: string | null, locale: ApiLocale) {
  const [view] = await viewTemplates(env, [row], userId, locale);
  return { ...view!, keypoints: JSON.parse(row.keypointsJson) as unknown };
}
