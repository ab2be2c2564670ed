// The library's text search: the stored name, description and tags (as written), plus, in
// Bahasa Indonesia, the built-ins whose Indonesian name, description or terms match.
import { inArray, or, sql, type SQL } from "drizzle-orm";
import { builtInIdsMatching } from "../../shared/templates/localise";
import { poseTemplates } from "../db/schema";
import type { ApiLocale } from "../i18n/locale";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The where-clause for search text `q` in `locale`; undefined (no filter) without one. */
export function textSearch(q: string | undefined, locale: ApiLocale): SQL | undefined {
  if (!q) return undefined;
  const t = poseTemplates;
  const like = `%${escapeLike(q)}%`;
  const translated = builtInIdsMatching(q, locale);
  return or(
    sql`${t.name} like ${like} escape '\\'`,
    sql`${t.description} like ${like} escape '\\'`,
    sql`${t.tags} like ${like} escape '\\'`,
    translated.length ? inArray(t.id, translated) : undefined,
  );
}
