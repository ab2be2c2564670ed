import { describe, expect, inject, it } from "vitest";
import { signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
const POSES = ["builtin-front-neutral", "builtin-hand-on-hip"];

describe("background and theme in the studio", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`uploads a background, picks the doctor theme, compares stages (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      await context.addInitScript((ids) => sessionStorage.setItem("selected-poses", JSON.stringify(ids)), POSES);
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Wulan");
      await uploadAvatarIn(context, origin, "Theme model");

      await page.goto(`${origin}/studio`);
      await page.getByRole("group", { name: "5. Background (optional)" }).waitFor();
      await page.getByTestId("background-upload").setInputFiles("tests/fixtures/astronaut.png");
      await expect.poll(() => page.getByRole("radio", { name: "My picture" }).isChecked()).toBe(true);
      await page.locator("label", { hasText: "Doctor" }).click();
      await screenshot(page, `studio-background-theme-${viewport}`);
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith("/api/v1/generations") && r.method() === "POST"),
        page.getByRole("button", { name: "Generate 2 poses" }).click(),
      ]);
      const body = request.postDataJSON() as { backgroundSettings: { mode: string }; professionTheme: string };
      expect(body.backgroundSettings.mode).toBe("image");
      expect(body.professionTheme).toBe("doctor");
      await expect
        .poll(() => page.getByTestId("generation-status").textContent(), { timeout: 30_000 })
        .toBe("Completed");
      await page.getByTestId("pose-result").locator("button.image").first().click();
      await page.getByLabel("Compare the result with").selectOption("background");
      const compare = page.getByTestId("before-after");
      expect(await compare.locator("img").first().getAttribute("src")).toContain("?stage=background");
      await expect
        .poll(() => compare.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
        .toEqual([512, 512]);
      await screenshot(page, `studio-stages-${viewport}`);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
