import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { imagePixels, isChecker, shownColours } from "./helpers/pixels";

const origin = inject("origin");
const browser = useChromium();
const POSE = "builtin-front-neutral";

describe("results with the background removed", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`shows a checkerboard on the tile and in the compare slider, and downloads a .png (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size, acceptDownloads: true });
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Nadia");
      const avatar = await uploadAvatarIn(context, origin, "Nadia Putri");
      const id = await generateIn(context, origin, {
        avatarId: avatar.id,
        poseTemplateIds: [POSE],
        backgroundSettings: { mode: "remove" },
      });

      await page.goto(`${origin}/studio?g=${id}`);
      const tile = page.getByTestId("pose-result").first();
      const img = tile.locator("img");
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 15_000 })
        .toBe(512);
      const src = (await img.getAttribute("src"))!;
      // The picture itself is transparent at its top corners (the precondition of what follows).
      const picture = await imagePixels(page, src);
      expect(picture.data[3]).toBe(0);
      expect(picture.data[(picture.width - 1) * 4 + 3]).toBe(0);

      // On screen the transparent corners show the checkerboard, not black.
      const [topLeft, topRight] = await shownColours(page, img, [
        [0.04, 0.02],
        [0.96, 0.02],
      ]);
      expect(isChecker(topLeft!), `tile corner ${topLeft}`).toBe(true);
      expect(isChecker(topRight!), `tile corner ${topRight}`).toBe(true);
      await screenshot(page, `results-removed-background-${viewport}`);

      // The compare slider: left of the split is the result; its transparent corner must not show
      // the plain pose ("before") through it.
      await tile.locator("button.image").click();
      await page.getByLabel("Compare the result with").selectOption("base");
      const compare = page.getByTestId("before-after");
      await expect
        .poll(
          () => compare.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
          { timeout: 15_000 },
        )
        .toEqual([512, 512]);
      const box = (await compare.boundingBox())!;
      // The image is contained in the box: find the drawn picture's top-left corner.
      const drawnWidth = Math.min(box.width, (box.height * 2) / 3);
      const left = (box.width - drawnWidth) / 2 / box.width;
      const [afterCorner] = await shownColours(page, compare, [[left + 0.03, 0.015]]);
      expect(isChecker(afterCorner!), `compare corner ${afterCorner}`).toBe(true);
      await screenshot(page, `results-compare-removed-${viewport}`);
      await page.getByRole("button", { name: "Close" }).click();

      // One download: a PNG, named after the avatar and the pose, its type and name agreeing.
      const poseName = (
        (await (await context.request.get(`${origin}/api/v1/templates/${POSE}`)).json()) as {
          name: string;
        }
      ).name;
      const [download] = await Promise.all([page.waitForEvent("download"), tile.getByTestId("download-one").click()]);
      expect(download.suggestedFilename()).toBe(
        `nadia-putri-${poseName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`,
      );
      const href = (await tile.getByTestId("download-one").getAttribute("href"))!;
      const res = await context.request.get(`${origin}${href}`);
      expect(res.headers()["content-type"]).toBe("image/png");
      expect(res.headers()["content-disposition"]).toContain(download.suggestedFilename());

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    }, 150_000);
  }
});
