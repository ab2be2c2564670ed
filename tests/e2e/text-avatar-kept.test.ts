import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("text-avatar candidates are kept", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`lists paid-for candidates again after a reload, until they are saved (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Lestari");

      await page.goto(`${origin}/avatars`);
      await page.getByRole("tab", { name: "Generate from text" }).click();
      await page.getByLabel("Description").fill("Young woman in a sage hijab and a linen tunic");
      await page.getByLabel("Pictures").selectOption("2");
      await page.getByRole("button", { name: "Generate", exact: true }).click();
      await expect.poll(() => page.getByTestId("candidate").count(), { timeout: 30_000 }).toBe(2);
      const made = await page
        .getByTestId("candidate")
        .locator("img")
        .evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")));

      // Reloaded, the two pictures paid for are still there to save.
      await page.reload();
      await page.getByRole("tab", { name: "Generate from text" }).click();
      const earlier = page.getByTestId("earlier-candidates");
      await earlier.waitFor();
      const kept = earlier.getByTestId("candidate");
      await expect.poll(() => kept.count(), { timeout: 15_000 }).toBe(2);
      const keptSrcs = await kept.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")));
      expect(keptSrcs.sort()).toEqual(made.sort());
      await expect
        .poll(() => kept.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)), {
          timeout: 15_000,
        })
        .toEqual([768, 768]);
      await screenshot(page, `avatars-text-kept-${viewport}`);

      await page.getByLabel("Name for the saved avatar").fill("Lestari");
      await kept.first().getByRole("button", { name: "Save" }).click();
      await kept.first().getByText("Saved").waitFor();
      const list = (await (await context.request.get(`${origin}/api/v1/avatars/generate`)).json()) as {
        items: { id: string }[];
      };
      expect(list.items).toHaveLength(1);

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
