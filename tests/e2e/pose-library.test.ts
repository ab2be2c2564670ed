// The pose library a shop owner can tell apart: mannequin previews, a star and a favourites
// filter, ready-made sets that take all their poses to the studio, and Use / Edit on each card.
import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
const SKINCARE = ["cheek-touch", "both-hands-face", "apply-serum", "chin-rest", "moisturiser-neck", "product-by-face"];

describe("the pose library", () => {
  it("stars a pose, filters to favourites, and a set puts its poses in the studio", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside, errors } = await watchedPage(context);
    await signUpIn(context, origin, "Sari");
    await page.goto(`${origin}/poses`);
    const cards = page.getByTestId("pose-card");
    await cards.first().waitFor();

    // The preview is the mannequin PNG at twice the card's size.
    const card = cards.filter({ has: page.getByText("Hand on hip", { exact: true }) });
    await expect
      .poll(() => card.evaluate((el) => el.querySelector("img")!.naturalWidth), { timeout: 20_000 })
      .toBe(256);
    expect(await card.locator("img").getAttribute("src")).toBe("/api/v1/templates/builtin-hand-on-hip/preview.png");

    await card.getByRole("button", { name: "Add to favourites: Hand on hip" }).click();
    await card.getByRole("button", { name: "Remove from favourites: Hand on hip" }).waitFor();
    // Kept on the server: a reload still shows the star.
    await page.reload();
    await card.getByRole("button", { name: "Remove from favourites: Hand on hip" }).waitFor();
    await page.getByLabel("Favourites only").check();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(1);
    expect(await cards.first().textContent()).toContain("Hand on hip");
    await page.getByLabel("Favourites only").uncheck();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(40);

    // A set replaces the studio's poses with its own, in its order.
    await cards
      .filter({ has: page.getByText("Waving hello", { exact: true }) })
      .locator("button.pick")
      .click();
    await page.getByRole("button", { name: "Use the set Skincare (6 poses)" }).click();
    await page.waitForURL(`${origin}/studio`);
    await page.getByRole("button", { name: "Generate 6 poses" }).waitFor();
    // Each picked pose's preview names its template in its URL (its alt text is the pose's name).
    const picked = await page
      .locator(".picked img")
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")!.split("/")[4]));
    expect(picked).toEqual(SKINCARE.map((s) => `builtin-${s}`));

    // "Use" adds one pose to them.
    await page.goto(`${origin}/poses`);
    await card.getByRole("button", { name: "Use Hand on hip in the studio" }).click();
    await page.waitForURL(`${origin}/studio`);
    await page.getByRole("button", { name: "Generate 7 poses" }).waitFor();

    // "Edit" on a built-in opens a copy of one's own, editable.
    await page.goto(`${origin}/poses`);
    await card.getByRole("button", { name: "Edit a copy of Hand on hip" }).click();
    await page.waitForURL((url) => url.pathname === "/editor" && !url.search.includes("builtin-"));
    const nameBox = page.locator('form input[maxlength="80"]');
    await expect.poll(() => nameBox.inputValue(), { timeout: 15_000 }).toBe("Hand on hip (copy)");
    expect(await nameBox.isDisabled()).toBe(false);
    expect(await page.getByText("This pose belongs to someone else").count()).toBe(0);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`shows sets and mannequin cards (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Dewi");
      await page.goto(`${origin}/poses`);
      await page.getByTestId("pose-set").first().waitFor();
      expect(await page.getByTestId("pose-set").count()).toBe(4);
      const first = page.getByTestId("pose-card").first();
      await expect
        .poll(() => first.evaluate((el) => el.querySelector("img")!.naturalWidth), { timeout: 20_000 })
        .toBe(256);
      // No sideways scrolling of the page itself (the sets row scrolls on its own on a phone).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.waitForTimeout(1500);
      await screenshot(page, `pose-library-${viewport}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
