import { describe, expect, inject, it } from "vitest";
import { signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
const POSES = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-three-quarter-turn"];

describe("fashion in the studio", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`pashmina + watch + sunglasses on 3 poses, then before/after (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      await context.addInitScript((ids) => sessionStorage.setItem("selected-poses", JSON.stringify(ids)), POSES);
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Lia");
      await uploadAvatarIn(context, origin, "Fashion model");

      await page.goto(`${origin}/studio`);
      await page.getByRole("group", { name: "4. Fashion (optional)" }).waitFor();
      await page.locator("label", { hasText: "Pashmina" }).click();
      expect(await page.getByRole("radio", { name: "Pashmina" }).isChecked()).toBe(true);
      await page.getByRole("button", { name: "#1f3a5f" }).click();
      await page.locator("label", { hasText: "Watch" }).click();
      await page.locator("label", { hasText: "Sunglasses" }).click();
      await screenshot(page, `studio-fashion-${viewport}`);
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith("/api/v1/generations") && r.method() === "POST"),
        page.getByRole("button", { name: "Generate 3 poses" }).click(),
      ]);
      expect((request.postDataJSON() as { fashionSettings: unknown }).fashionSettings).toEqual({
        hijab: { style: "pashmina", colour: "#1f3a5f" },
        accessories: ["watch", "sunglasses"],
        outfit: "none",
      });
      await expect
        .poll(() => page.getByTestId("generation-status").textContent(), { timeout: 30_000 })
        .toBe("Completed");
      const results = page.getByTestId("pose-result").locator("button.image");
      expect(await results.count()).toBe(3);
      await results.first().click();
      const compare = page.getByTestId("before-after");
      await compare.waitFor();
      await expect
        .poll(() => compare.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
        .toEqual([512, 512]);
      expect(await compare.locator("img").first().getAttribute("src")).toContain("?stage=base");
      await page.getByRole("slider", { name: "Compare before and after" }).fill("70");
      await screenshot(page, `studio-before-after-${viewport}`);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
