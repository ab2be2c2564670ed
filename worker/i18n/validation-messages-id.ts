// zod's own validation messages in Bahasa Indonesia, from zod's Indonesian locale (the library's
// translation, not ours). A message a schema wrote itself has no translation here and stays English.
import type { z } from "zod";
import { en as englishLocale, id as indonesianLocale } from "../bundle-stubs/zod-locales";

type Issue = z.core.$ZodIssue;
type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const english = englishLocale().localeError;
const indonesian = indonesianLocale().localeError;
const textOf = (said: ReturnType<z.core.$ZodErrorMap>) => (typeof said === "string" ? said : said?.message);

/** The value at `path` in the input (zod's messages say what was received). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** One issue's message in Indonesian, or null when the schema gave it words of its own. */
function indonesianIssue(issue: Issue, input: unknown): string | null {
  const raw = { ...issue, input: valueAt(input, issue.path) } as unknown as RawIssue;
  if (textOf(english(raw)) !== issue.message) return null;
  return textOf(indonesian(raw)) ?? null;
}

/**
 * The first `max` issues as "path: message" in Indonesian, joined by "; " — or null when one of
 * them has a schema's own English words (the caller then names only the fields).
 */
export function indonesianIssues(issues: readonly Issue[], input: unknown, max = 3): string | null {
  const said: string[] = [];
  for (const issue of issues.slice(0, max)) {
    const text = indonesianIssue(issue, input);
    if (text === null) return null;
    const path = issue.path.join(".");
    said.push(path ? `${path}: ${text}` : text);
  }
  return said.length ? said.join("; ") : null;
}
