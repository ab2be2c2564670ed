import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../../dev-tools/browser/chromium";
import { afterAll, beforeAll } from "vitest";

export const SCREENSHOT_DIR = "test-results/screenshots";
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/**
 * Records every request the page makes that leaves 127.0.0.1 (data: and blob: are local).
 * Tests assert the list stays empty: the app must never reach a CDN or any other host.
 */
export function watchOutsideRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.hostname !== "127.0.0.1") outside.push(req.url());
  });
  return outside;
}

/** A new page with its outside requests and uncaught errors recorded (tests expect both empty). */
export async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const outside = watchOutsideRequests(page);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  return { page, outside, errors };
}

/** Saves a full-page PNG under test-results/screenshots. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** One Chromium for a test file: launched before its tests, closed after. */
export function useChromium(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** Picks the UI language in the header (on a phone, behind the menu button). */
export async function chooseLanguage(page: Page, locale: "en" | "id") {
  const toggle = page.locator("button.menu-toggle");
  if (await toggle.isVisible()) await toggle.click();
  await page.getByLabel(/^(Language|Bahasa)$/).selectOption(locale);
}
