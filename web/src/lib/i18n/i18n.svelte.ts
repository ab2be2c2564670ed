import { en, id, type MessageKey } from "./dictionaries";

export const LOCALES = { en: "English", id: "Bahasa Indonesia" } as const;
export type Locale = keyof typeof LOCALES;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, id };
const STORAGE_KEY = "locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "id") return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith("id") ? "id" : "en";
}

/** The UI language: chosen by the user, remembered, Indonesian by default for Indonesian browsers. */
class I18n {
  locale = $state<Locale>(initialLocale());

  constructor() {
    // Screen readers and the browser's own texts (e.g. a form's "please fill in") follow it.
    if (globalThis.document) document.documentElement.lang = this.locale;
  }

  set(locale: Locale) {
    this.locale = locale;
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }

  /** The message in the current language, with `{name}` placeholders filled. */
  t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    DICTIONARIES[this.locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const i18n = new I18n();
export const t = i18n.t;
