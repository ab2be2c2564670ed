import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

const overflow = (page: import("playwright-core").Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe("a visitor's first minutes", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    for (const locale of ["en", "id"] as const) {
      it(`the home page shows real examples and three steps (${viewport}, ${locale})`, async () => {
        const context = await browser().newContext({ viewport: size });
        await context.addInitScript((l) => localStorage.setItem("locale", l), locale);
        const { page, outside, errors } = await watchedPage(context);
        await page.goto(`${origin}/`);
        const examples = page.getByTestId("home-examples").locator("img");
        await expect.poll(() => examples.count()).toBe(4);
        // Every example is a picture the server really has, loaded and decoded.
        await expect
          .poll(() => examples.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
          .toEqual([192, 192, 192, 192]);
        expect(await page.locator(".steps li").count()).toBe(3);
        const heading = page.getByRole("heading", { name: locale === "en" ? "How it works" : "Cara kerjanya" });
        expect(await heading.isVisible()).toBe(true);
        // The step text names how many poses the library has, from the library itself.
        expect(await page.locator(".steps li").nth(1).textContent()).toMatch(/\b44\b/);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `home-${viewport}-${locale}`);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      });
    }
  }

  it("on a phone the nav is one button, and the studio keeps cost and Generate in reach", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.phone });
    const { page, errors } = await watchedPage(context);
    await signUpIn(context, origin, "Sari");
    await page.goto(`${origin}/avatars`);
    const toggle = page.locator("button.menu-toggle");
    await toggle.waitFor();
    const studioLink = page.locator("#site-nav").getByRole("link", { name: "Studio" });
    // Closed: the header is one row and the links are hidden.
    expect(await studioLink.isVisible()).toBe(false);
    expect((await page.locator("header").boundingBox())!.height).toBeLessThan(70);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await screenshot(page, "phone-menu-closed");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await studioLink.waitFor({ state: "visible" });
    await screenshot(page, "phone-menu-open");
    await studioLink.click();
    await page.waitForURL(`${origin}/studio`);
    // Navigating closes the menu again.
    await expect.poll(() => studioLink.isVisible()).toBe(false);

    // SD and HD say what a pose costs.
    await page.getByTestId("price-sd").waitFor();
    const sd = (await page.getByTestId("price-sd").textContent())!;
    const hd = (await page.getByTestId("price-hd").textContent())!;
    expect(sd).toMatch(/1 credit a pose|free with instant poses/);
    expect(hd).toMatch(/3 credits a pose|free with instant poses/);

    // At the top of the long form, the Generate button is already on screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    const generate = page.getByTestId("submit-bar").locator('button[type="submit"]');
    const box = (await generate.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
    expect(box.y).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/phone-studio-sticky.png" });
    expect(errors).toEqual([]);
    await context.close();
  });
});
