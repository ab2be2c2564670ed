import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const fakeProviderUrl = inject("fakeProviderUrl");
const browser = useChromium();

describe("avatar from text", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`describes a model, gets 2 candidates, saves one, regenerates; a busy provider is explained (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      const uid = await signUpIn(context, origin, "Ayu");

      await page.goto(`${origin}/avatars`);
      await page.getByRole("tab", { name: "Generate from text" }).click();
      await page.getByRole("heading", { name: "Describe your model" }).waitFor();
      expect(await page.getByTestId("provider-banner").textContent()).toContain("local test provider");
      await page.getByRole("button", { name: "Young Indonesian woman in a pastel hijab" }).click();
      expect(await page.getByLabel("Description").inputValue()).toContain("pastel hijab");
      await page.getByLabel("Style").selectOption("modest-fashion");
      await page.getByLabel("Pictures").selectOption("2");
      await page.getByRole("button", { name: "Generate", exact: true }).click();

      const candidates = page.getByTestId("candidate");
      await expect.poll(() => candidates.count(), { timeout: 30_000 }).toBe(2);
      await expect
        .poll(() =>
          candidates.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
        )
        .toEqual([768, 768]);
      const firstSeeds = await candidates.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("alt")));
      await page.getByLabel("Name for the saved avatar").fill(`Ayu ${viewport}`);
      await screenshot(page, `avatars-text-${viewport}`);

      await candidates.first().getByRole("button", { name: "Save" }).click();
      await candidates.first().getByText("Saved").waitFor();
      await page.getByText(`“Ayu ${viewport}” was added to your avatars.`).waitFor();
      const mine = (await (await context.request.get(`${origin}/api/v1/avatars`)).json()) as {
        items: { name: string; sourceType: string; generationPrompt: string }[];
      };
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({ name: `Ayu ${viewport}`, sourceType: "ai_generated" });
      expect(mine.items[0]!.generationPrompt).toContain("modest fashion outfit");

      await page.getByRole("button", { name: "Regenerate (new seed)" }).click();
      await expect
        .poll(() => candidates.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("alt"))))
        .not.toEqual(firstSeeds);

      // The model is warming up for this user: the page says so, in words, and when to retry.
      await fetch(`${fakeProviderUrl}/__fake/config`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          append: true,
          faults: [{ kind: "loading", estimatedTime: 45, trace: `${uid}/avatar/` }],
        }),
      });
      await page.getByRole("button", { name: "Regenerate (new seed)" }).click();
      await page.getByRole("alert").getByText("busy or warming up. Try again in about 45 s").waitFor();
      await screenshot(page, `avatars-text-busy-${viewport}`);
      await fetch(`${fakeProviderUrl}/__fake/config`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clearTrace: `${uid}/avatar/` }),
      });

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
