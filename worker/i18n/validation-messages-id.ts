// Validation messages in Bahasa Indonesia: zod's own from zod's Indonesian locale (the library's
// translation), and the words our schemas (shared/api) give their checks from OWN below. A message
// found in neither stays English.
import type { z } from "zod";
import { en as englishLocale, id as indonesianLocale } from "../bundle-stubs/zod-locales";

type Issue = z.core.$ZodIssue;
type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const english = englishLocale().localeError;
const indonesian = indonesianLocale().localeError;
const textOf = (said: ReturnType<z.core.$ZodErrorMap>) => (typeof said === "string" ? said : said?.message);

/** Our schemas' own words for their checks (shared/api), in Indonesian. */
const OWN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must not be empty$/, () => "tidak boleh kosong"],
  [/^must be at most (\d+) characters$/, (m) => `maksimal ${m[1]} karakter`],
  [/^must not contain control characters$/, () => "tidak boleh berisi karakter kontrol"],
  [/^send at least one field to change$/, () => "kirim setidaknya satu kolom yang diubah"],
  [/^each pose may be picked once$/, () => "setiap pose hanya boleh dipilih sekali"],
  [/^each prop at most once$/, () => "setiap properti hanya boleh sekali"],
  [/^Each scope at most once\.$/, () => "Setiap izin hanya boleh sekali."],
  [/^attach the image as the 'file' field$/, () => "lampirkan gambarnya sebagai kolom 'file'"],
  [
    /^give a non-zero amount, a dailyPoseLimit, or both$/,
    () => "isi jumlah yang bukan nol, dailyPoseLimit, atau keduanya",
  ],
];

const ownWords = (message: string) => {
  for (const [pattern, say] of OWN) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return null;
};

/** The value at `path` in the input (zod's messages say what was received). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** One issue's message in Indonesian, or null when no translation is known. */
function indonesianIssue(issue: Issue, input: unknown): string | null {
  const own = ownWords(issue.message);
  if (own) return own;
  const raw = { ...issue, input: valueAt(input, issue.path) } as unknown as RawIssue;
  if (textOf(english(raw)) !== issue.message) return null;
  return textOf(indonesian(raw)) ?? null;
}

/**
 * The first `max` issues as "path: message" in Indonesian, joined by "; " — or null when one of
 * them has no known translation (the caller then names only the fields).
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
