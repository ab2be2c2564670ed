import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { VIEWPORTS, chooseLanguage, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("sign up and upload an avatar through the UI", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`works on ${viewport} (${size.width}×${size.height})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors: pageErrors } = await watchedPage(context);

      await page.goto(`${origin}/`);
      await page.getByRole("heading", { name: "Avatar & Pose Generator" }).waitFor();
      await screenshot(page, `home-${viewport}`);

      await page.goto(`${origin}/sign-up`);
      const email = `e2e-${viewport}-${Date.now()}@example.com`;
      await page.getByLabel("Your name").fill("Dewi");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("correct horse battery");
      await screenshot(page, `sign-up-${viewport}`);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${origin}/avatars`);
      await page.getByRole("heading", { name: "Your avatars" }).waitFor();
      await page.getByText("No avatars yet").waitFor();

      // A text file posing as a JPEG: the server's message is shown and nothing is added.
      await page.locator('input[type="file"]').setInputFiles({
        name: "fake.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from("this is plain text, not a photo"),
      });
      await page.getByLabel("Name").fill("Fake");
      await page.getByRole("button", { name: "Upload avatar" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("Only JPEG, PNG and WebP");
      expect(await page.getByTestId("avatar-card").count()).toBe(0);

      // A real photo, with metadata.
      await page.locator('input[type="file"]').setInputFiles({
        name: "messi5.jpg",
        mimeType: "image/jpeg",
        buffer: readFileSync("tests/fixtures/messi5.jpg"),
      });
      await page.getByLabel("Name").fill("Studio model");
      await page.getByLabel("Gender").selectOption("male");
      await page.getByRole("button", { name: "Upload avatar" }).click();
      const card = page.getByTestId("avatar-card");
      await card.waitFor();
      await expect.poll(() => card.textContent()).toContain("Studio model");
      await expect.poll(() => card.textContent()).toContain("548×342 px");
      // The thumbnail loaded through the Worker, at its real size.
      await expect
        .poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(256);
      await screenshot(page, `avatars-${viewport}`);

      // Rename it.
      await card.getByRole("button", { name: "Rename" }).click();
      await card.getByRole("textbox").fill("Aisyah");
      await card.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => card.textContent()).toContain("Aisyah");

      // Switch to Bahasa Indonesia: every visible string changes.
      await chooseLanguage(page, "id");
      await page.getByRole("heading", { name: "Avatar Anda" }).waitFor();
      await screenshot(page, `avatars-id-${viewport}`);

      // Delete it (accepting the confirmation).
      page.once("dialog", (d) => d.accept());
      await card.getByRole("button", { name: "Hapus" }).click();
      await page.getByText("Belum ada avatar").waitFor();

      expect(pageErrors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
