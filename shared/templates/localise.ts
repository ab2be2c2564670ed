// Built-in templates in the caller's language: their shown name and description, and search by
// the Indonesian words. Custom templates are the user's own words and stay as written.
import { TEMPLATE_NAME_MAX } from "../api/templates";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { BUILT_IN_TEMPLATES_ID } from "./built-in-id";
import { builtInTemplateId } from "./built-in-rows";

export type TemplateLocale = "en" | "id";

const BUILT_IN_PREFIX = builtInTemplateId("");
const slugOf = (templateId: string) =>
  templateId.startsWith(BUILT_IN_PREFIX) ? templateId.slice(BUILT_IN_PREFIX.length) : null;

/** A template's name and description in `locale` (a built-in's own when translated, else as stored). */
export function localisedTemplateText<T extends { id: string; name: string; description: string | null }>(
  row: T,
  locale: TemplateLocale,
): { name: string; description: string | null } {
  const slug = locale === "id" ? slugOf(row.id) : null;
  const own = slug ? BUILT_IN_TEMPLATES_ID[slug] : undefined;
  return own ? { name: own.name, description: own.description } : { name: row.name, description: row.description };
}

/**
 * The built-in template ids whose Indonesian name, description or terms contain `q` (case-insensitive,
 * as the SQL `like` search does for the stored English text); none outside `id`.
 */
export function builtInIdsMatching(q: string, locale: TemplateLocale): string[] {
  if (locale !== "id") return [];
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  return Object.entries(BUILT_IN_TEMPLATES_ID)
    .filter(([, t]) => [t.name, t.description, ...t.terms].some((text) => text.toLowerCase().includes(needle)))
    .map(([slug]) => builtInTemplateId(slug));
}

const ENGLISH_NAMES = new Map(BUILT_IN_TEMPLATES.map((t) => [t.slug, t.name]));

/**
 * A generation's pose names as shown in `locale`: a built-in pose's in that language (whatever
 * language the generation recorded), the user's own poses as recorded.
 */
export function poseNamesIn(names: Record<string, string>, locale: TemplateLocale): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [templateId, recorded] of Object.entries(names)) {
    const slug = slugOf(templateId);
    const own = slug ? (locale === "id" ? BUILT_IN_TEMPLATES_ID[slug]?.name : ENGLISH_NAMES.get(slug)) : undefined;
    shown[templateId] = own ?? recorded;
  }
  return shown;
}

const COPY_SUFFIX: Record<TemplateLocale, string> = { en: " (copy)", id: " (salinan)" };

/** A fork's name and description in `locale`: the source's, the name marked as a copy while it fits. */
export function copyText<T extends { id: string; name: string; description: string | null }>(
  source: T,
  locale: TemplateLocale,
): { name: string; description: string | null } {
  const { name, description } = localisedTemplateText(source, locale);
  const suffix = COPY_SUFFIX[locale];
  const copy =
    name.length + suffix.length > TEMPLATE_NAME_MAX
      ? name.slice(0, TEMPLATE_NAME_MAX - suffix.length)
      : `${name}${suffix}`;
  return { name: copy, description };
}
