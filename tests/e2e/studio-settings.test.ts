import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
const POSES = ["builtin-hand-on-hip", "builtin-front-neutral"];

describe("the studio keeps its settings", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`keeps the form across "Pick poses" and back, and a past run (?g=) shows its avatar, poses and settings (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Putri");
      const older = await uploadAvatarIn(context, origin, "Older model");
      const newer = await uploadAvatarIn(context, origin, "Newer model");
      const avatarRadio = (id: string) => page.locator(`input[name="avatar"][value="${id}"]`);

      await page.goto(`${origin}/studio`);
      await page.getByRole("radio", { name: "Pilot" }).waitFor();
      // Not the first in the list: a reset would be seen.
      const [first, second] = (await avatarRadio(newer.id).isChecked()) ? [newer, older] : [older, newer];
      await page.locator("label.avatar", { hasText: second === newer ? "Newer model" : "Older model" }).click();
      await page.locator('input[type="radio"][value="hd"]').check();
      // The theme's label is the control (its picture lies over the hidden radio).
      await page.locator("label.option", { hasText: "Pilot" }).click();
      const promptBox = page.locator('input[maxlength="1000"]');
      await promptBox.fill("soft studio light");

      await page.getByRole("link", { name: "Pick poses" }).click();
      await page.waitForURL(`${origin}/poses`);
      await page.getByTestId("pose-card").first().click();
      await page.goBack();
      await page.waitForURL(`${origin}/studio`);
      await page.getByRole("radio", { name: "Pilot" }).waitFor();
      await expect.poll(() => avatarRadio(second.id).isChecked(), { timeout: 15_000 }).toBe(true);
      expect(await page.locator('input[type="radio"][value="hd"]').isChecked()).toBe(true);
      expect(await page.getByRole("radio", { name: "Pilot" }).isChecked()).toBe(true);
      expect(await promptBox.inputValue()).toBe("soft studio light");
      await screenshot(page, `studio-settings-kept-${viewport}`);

      // A past run made with the first avatar, two poses, SD and the chef theme.
      const id = await generateIn(context, origin, {
        avatarId: first.id,
        poseTemplateIds: POSES,
        quality: "sd",
        professionTheme: "chef",
      });
      const fresh = await context.newPage();
      await fresh.goto(`${origin}/studio?g=${id}`);
      await fresh.getByTestId("generation-status").waitFor();
      await expect
        .poll(() => fresh.locator(`input[name="avatar"][value="${first.id}"]`).isChecked(), { timeout: 15_000 })
        .toBe(true);
      await expect
        .poll(() =>
          fresh.locator(".picked img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")!.split("/")[4])),
        )
        .toEqual(POSES);
      expect(await fresh.locator('input[type="radio"][value="sd"]').isChecked()).toBe(true);
      await expect.poll(() => fresh.getByRole("radio", { name: "Chef" }).isChecked(), { timeout: 15_000 }).toBe(true);
      await screenshot(fresh, `studio-past-run-${viewport}`);

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
