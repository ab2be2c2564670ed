import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

/** Every page, signed in, with the heading that shows it rendered. */
const PAGES = [
  ["home", "/", "Avatar & Pose Generator"],
  ["avatars", "/avatars", "Your avatars"],
  ["poses", "/poses", "Pose library"],
  ["capture", "/capture", "Capture a pose"],
  ["editor", "/editor", "New pose"],
  ["studio", "/studio", "Generation studio"],
  ["dashboard", "/dashboard", "Dashboard"],
] as const;

describe("every page at both sizes", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`renders without errors or outside requests (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);

      await page.goto(`${origin}/sign-in`);
      await page.getByRole("heading", { name: "Welcome back" }).waitFor();
      await screenshot(page, `tour-sign-in-${viewport}`);

      await signUpIn(context, origin, "Dewi");
      for (const [name, path, heading] of PAGES) {
        await page.goto(`${origin}${path}`);
        await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
        await page.waitForLoadState("networkidle");
        await screenshot(page, `tour-${name}-${viewport}`);
      }
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
