// The whole dictionary per language: the shared strings, the home page's, and every page's own
// (routes/pages.ts).
// Relative imports only: the Worker's type check and tests read this file too.
import * as home from "../../routes/home-strings";
import { PAGES, type Strings } from "../../routes/pages";
import * as common from "./common";

type KeysOf<S> = S extends { en: infer E } ? keyof E : never;

/** Every message key, of the shared strings and of each page's. */
export type MessageKey = keyof typeof common.en | keyof typeof home.en | KeysOf<(typeof PAGES)[number]["strings"]>;

const AREAS: readonly Strings[] = [common, home, ...PAGES.map((p) => p.strings)];

const merge = (locale: keyof Strings) =>
  Object.assign({}, ...AREAS.map((area) => area[locale])) as Record<MessageKey, string>;

/** English. */
export const en = merge("en");
/** Bahasa Indonesia. */
export const id = merge("id");
