// The caller's language, from Accept-Language (en or id): template names and error messages follow it.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { languageDetector } from "hono/language";

export const API_LOCALES = ["en", "id"] as const;
export type ApiLocale = (typeof API_LOCALES)[number];

/**
 * Sets `c.var.language` from the Accept-Language header only (no cookie, no query): the same
 * request always answers in the same language, and English when none of ours is asked for.
 */
export const detectLocale = () => {
  const detect = languageDetector({
    order: ["header"],
    caches: false,
    supportedLanguages: [...API_LOCALES],
    fallbackLanguage: "en",
  });
  return createMiddleware(async (c, next) => {
    await detect(c, next);
    // Answers differ by language: caches must keep them apart. securityHeaders (inside this one)
    // has made the headers writable, except on WebSocket upgrades, which are not cached anyway.
    if (c.res.status !== 101) c.res.headers.append("vary", "Accept-Language");
  });
};

/** The request's language; English before the detector ran (e.g. an error in an earlier middleware). */
export const localeOf = (c: Context): ApiLocale => (c.get("language") === "id" ? "id" : "en");
