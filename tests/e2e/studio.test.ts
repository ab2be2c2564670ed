import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, inject, it } from "vitest";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("pose library and generation studio", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`picks 3 poses, generates live to 100 % with 3 images, and downloads a ZIP of 3 (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors: pageErrors } = await watchedPage(context);

      await page.goto(`${origin}/sign-up`);
      await page.getByLabel("Your name").fill("Rina");
      await page.getByLabel("Email").fill(`studio-${viewport}-${Date.now()}@example.com`);
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${origin}/avatars`);
      const upload = await context.request.post(`${origin}/api/v1/avatars`, {
        headers: { origin },
        multipart: {
          file: { name: "messi5.jpg", mimeType: "image/jpeg", buffer: readFileSync("tests/fixtures/messi5.jpg") },
          name: "Studio model",
          gender: "female",
        },
      });
      expect(upload.status()).toBe(201);

      await page.goto(`${origin}/poses`);
      const cards = page.getByTestId("pose-card");
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThanOrEqual(40);
      await page.getByLabel("Category").selectOption("hijab-modest-fashion");
      // The filtered list is a new request: give it as long as a busy machine needs.
      await expect.poll(() => page.getByTestId("pose-card").count(), { timeout: 15_000 }).toBeLessThan(10);
      for (let i = 0; i < 3; i++) await cards.nth(i).click();
      await expect.poll(() => cards.first().evaluate((img) => img.querySelector("img")!.naturalWidth)).toBe(256);
      await screenshot(page, `poses-${viewport}`);
      await page.getByRole("button", { name: "Generate with 3 poses" }).click();
      await page.waitForURL(`${origin}/studio`);

      await page.getByTestId("provider-banner").waitFor();
      expect(await page.getByTestId("provider-banner").textContent()).toContain("local test provider");
      await page.getByRole("button", { name: "Generate 3 poses" }).click();

      await expect
        .poll(() => page.getByTestId("generation-status").textContent(), { timeout: 30_000 })
        .toBe("Completed");
      expect(await page.getByTestId("generation-progress").textContent()).toContain("100%");
      const results = page.getByTestId("pose-result").locator("img");
      expect(await results.count()).toBe(3);
      await expect
        .poll(() =>
          results.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 512).length),
        )
        .toBe(3);
      await screenshot(page, `studio-${viewport}`);

      const href = await page.getByTestId("download-zip").getAttribute("href");
      const zip = await context.request.get(`${origin}${href}`);
      expect(zip.headers()["content-type"]).toBe("application/zip");
      expect(Object.keys(unzipSync(new Uint8Array(await zip.body())))).toHaveLength(3);

      expect(pageErrors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
