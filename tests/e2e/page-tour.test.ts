// Every page, as a user with an avatar, a pose of their own and a finished run sees it, in English
// and in Bahasa Indonesia, on a desktop and a phone: no text left in English in Indonesian mode,
// nothing wider than the window, no errors, no request leaving 127.0.0.1.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { en, id } from "../../web/src/lib/i18n/dictionaries";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { horizontalOverflow, pageTexts } from "./helpers/page-texts";
import { TOUR_NAMES, tourContentIn } from "./helpers/tour-content";

const origin = inject("origin");
const browser = useChromium();
const LANGUAGES = { en, id } as const;
type Language = keyof typeof LANGUAGES;
const USER = "Dewi";

/**
 * Texts that are rightly the same in both languages. Short on purpose: anything else the same in
 * English and Indonesian is an untranslated string.
 */
const SAME_IN_BOTH: (string | RegExp)[] = [
  "Avatar & Pose Generator", // the brand
  "API", // a link to the API documentation, a word Indonesian uses too
  "Email", // Indonesian says "email" as well
  "English", // the language picker names each language in its own language
  "Bahasa Indonesia",
  "Hugging Face", // a vendor's name
  /^(HD|SD)( \(\d+×\d+\))?$/, // the quality names, with their size in pixels
  // Words Indonesian uses as they are: garments, a trade, a room.
  "Hijab",
  "Pashmina",
  "Turban",
  "Pilot",
  "Studio",
  USER, // what the user typed: their name, their avatar's and their pose's
  TOUR_NAMES.avatar,
  TOUR_NAMES.pose,
  /@example\.com$/, // the user's email
  /^[\d\s.,:;%×x+\-–—·/()|⟲⟳−°]*(px|s|MB|%)?$/, // numbers, sizes, units, separators, the editor's ⟲ 15°
  /^Ctrl\+/, // keyboard shortcuts
  /^[→☆★☰✕]$/, // an arrow between pictures, a star to favourite or rate, the phone menu's icon
  "Model", // the comparison table's column: the same word in Indonesian
  /^(instant-mesh|[\w.-]+\/[\w.-]+)$/, // model identifiers (the instant engine's, a vendor's "org/model")
];

const allowed = (text: string) => SAME_IN_BOTH.some((a) => (typeof a === "string" ? a === text : a.test(text)));

type Dict = (typeof LANGUAGES)[Language];
interface TourPage {
  name: string;
  path: string;
  /** Resolves once the page shows its content in `lang`. */
  ready: (page: Page, dict: Dict, lang: Language) => Promise<unknown>;
}

const heading = (page: Page, name: string) => page.getByRole("heading", { name, exact: true }).first().waitFor();

/** The pages a signed-in user tours (ids of what tourContentIn made filled in). */
function signedInPages(made: { poseId: string; generationId: string }): TourPage[] {
  return [
    {
      name: "avatars",
      path: "/avatars",
      ready: (p, d) => Promise.all([heading(p, d["avatars.title"]), p.getByTestId("avatar-card").first().waitFor()]),
    },
    {
      name: "poses",
      path: "/poses",
      ready: (p, d) => Promise.all([heading(p, d["poses.title"]), p.getByTestId("pose-card").first().waitFor()]),
    },
    { name: "capture", path: "/capture", ready: (p, d) => heading(p, d["capture.title"]) },
    { name: "editor", path: "/editor", ready: (p, d) => heading(p, d["editor.newTitle"]) },
    { name: "editor-own", path: `/editor?id=${made.poseId}`, ready: (p) => heading(p, TOUR_NAMES.pose) },
    {
      name: "editor-builtin",
      path: "/editor?id=builtin-front-neutral",
      ready: async (p, _d, lang) => heading(p, await templateName(p, "builtin-front-neutral", lang)),
    },
    {
      name: "studio",
      path: "/studio",
      ready: async (p, d) => {
        await Promise.all([heading(p, d["studio.title"]), p.getByTestId("history-item").first().waitFor()]);
        // The vendors' report, opened: what each vendor can do.
        await p.getByTestId("vendor-setup").locator("summary").click();
      },
    },
    {
      name: "studio-run",
      path: `/studio?g=${made.generationId}`,
      ready: async (p) => {
        await expect
          .poll(() => p.getByTestId("pose-result").locator("img").count(), { timeout: 15_000 })
          .toBeGreaterThanOrEqual(2);
        // A result opened large, with its compare slider.
        await p.getByTestId("pose-result").first().locator("button.image").click();
        await p.getByRole("dialog").waitFor();
      },
    },
    { name: "dashboard", path: "/dashboard", ready: (p, d) => heading(p, d["dashboard.title"]) },
  ];
}

const SIGNED_OUT: TourPage[] = [
  { name: "home", path: "/", ready: (p, d) => heading(p, d["app.name"]) },
  { name: "sign-in", path: "/sign-in", ready: (p, d) => heading(p, d["auth.signInTitle"]) },
  { name: "sign-up", path: "/sign-up", ready: (p, d) => heading(p, d["auth.signUpTitle"]) },
];

/** A built-in pose's name in a language, as the API gives it. */
async function templateName(page: Page, templateId: string, lang: Language) {
  const res = await page.request.get(`${origin}/api/v1/templates/${templateId}`, {
    headers: { "accept-language": lang },
  });
  return ((await res.json()) as { name: string }).name;
}

/** Names other users gave their public poses (other tests make some): typed, the same in every language. */
async function publicPoseNames(context: BrowserContext): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await context.request.get(`${origin}/api/v1/templates?limit=100${query}`);
    const body = (await res.json()) as { items: { name: string; isBuiltIn: boolean }[]; nextCursor: string | null };
    for (const t of body.items) if (!t.isBuiltIn) names.add(t.name);
    cursor = body.nextCursor;
  } while (cursor);
  return names;
}

/** What each page says, per language; the language chosen as the app stores it. */
async function tour(page: Page, pages: TourPage[], viewport: string, overflow: string[]) {
  const said: Record<Language, Map<string, string[]>> = { en: new Map(), id: new Map() };
  for (const lang of Object.keys(LANGUAGES) as Language[]) {
    await page.evaluate((l) => localStorage.setItem("locale", l), lang);
    for (const tourPage of pages) {
      await page.goto(`${origin}${tourPage.path}`);
      await tourPage.ready(page, LANGUAGES[lang], lang);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      said[lang].set(tourPage.name, await pageTexts(page));
      const wider = await horizontalOverflow(page);
      if (wider > 0) overflow.push(`${tourPage.name} (${lang}, ${viewport}) is ${wider} px wider than the window`);
      await screenshot(page, `tour-${tourPage.name}-${lang}-${viewport}`);
    }
  }
  const untranslated: string[] = [];
  for (const [name, idTexts] of said.id) {
    const enTexts = new Set(said.en.get(name));
    for (const text of idTexts) if (enTexts.has(text) && !allowed(text)) untranslated.push(`${name}: ${text}`);
  }
  return untranslated;
}

describe("every page in both languages at both sizes", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`says everything in Indonesian in id mode, fits the window, no errors or outside requests (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      page.on("console", (msg) => {
        // Signed out, the app asks who is signed in and is told 401: the one error that is an answer.
        // MediaPipe reports its CPU delegate on the error channel; it is not an error.
        const info = msg.text().startsWith("INFO: Created TensorFlow Lite");
        if (msg.type() === "error" && !info && !msg.text().includes("status of 401"))
          errors.push(`console: ${msg.text()}`);
      });
      const overflow: string[] = [];
      await page.goto(`${origin}/`);
      const untranslated = await tour(page, SIGNED_OUT, viewport, overflow);

      await signUpIn(context, origin, USER);
      const made = await tourContentIn(context, origin);
      untranslated.push(...(await tour(page, signedInPages(made), viewport, overflow)));
      const typedByOthers = await publicPoseNames(context);
      const problems = untranslated.filter((line) => !typedByOthers.has(line.slice(line.indexOf(": ") + 2)));

      // One assertion, so a failure lists every problem the tour found.
      expect({ untranslated: problems, overflow, errors, outside }).toEqual({
        untranslated: [],
        overflow: [],
        errors: [],
        outside: [],
      });
      await context.close();
    }, 300_000);
  }
});
