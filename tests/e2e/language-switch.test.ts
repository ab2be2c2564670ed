// Switching the language on a page that shows built-in poses renames them at once: the studio's
// result tiles and previews, and the pose editor's heading, without a reload.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { tourContentIn } from "./helpers/tour-content";

const origin = inject("origin");
const browser = useChromium();
const POSE = "builtin-front-neutral";

/** A built-in pose's name in a language, as the API gives it. */
async function nameIn(page: Page, lang: "en" | "id") {
  const res = await page.request.get(`${origin}/api/v1/templates/${POSE}`, { headers: { "accept-language": lang } });
  return ((await res.json()) as { name: string }).name;
}

/** Chooses the UI language in the header, as a user does. */
const chooseLanguage = (page: Page, lang: "en" | "id") =>
  page.getByLabel(lang === "en" ? "Bahasa" : "Language").selectOption(lang);

describe("pose names follow the language", () => {
  it("the studio's results and previews and the editor's heading are renamed when the language changes", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside, errors } = await watchedPage(context);
    await signUpIn(context, origin, "Wulan");
    const { generationId } = await tourContentIn(context, origin);
    const english = await nameIn(page, "en");
    const indonesian = await nameIn(page, "id");
    expect(indonesian).not.toBe(english);

    await page.goto(`${origin}/studio?g=${generationId}`);
    const tileName = page.getByTestId("pose-result").first().getByTestId("pose-name");
    const previewName = page.getByTestId("pose-previews").locator("figcaption").first();
    await expect.poll(() => tileName.textContent(), { timeout: 15_000 }).toBe(english);
    await expect.poll(() => previewName.textContent(), { timeout: 30_000 }).toBe(english);

    await chooseLanguage(page, "id");
    await expect.poll(() => tileName.textContent(), { timeout: 15_000 }).toBe(indonesian);
    await expect.poll(() => previewName.textContent(), { timeout: 15_000 }).toBe(indonesian);
    expect(await page.getByTestId("pose-result").first().locator("img").getAttribute("alt")).toBe(indonesian);
    await screenshot(page, "language-switch-studio-id-desktop");

    await page.goto(`${origin}/editor?id=${POSE}`);
    await page.getByRole("heading", { name: indonesian, exact: true }).waitFor();
    await chooseLanguage(page, "en");
    await page.getByRole("heading", { name: english, exact: true }).waitFor({ timeout: 15_000 });

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);
});
