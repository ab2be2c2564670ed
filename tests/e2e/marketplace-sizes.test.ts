// Marketplace sizes from the studio: one result downloaded at 4:5 from its tile's size menu and
// the ZIP at 1:1 from the download dialog, each file's pixels measured.
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { imageSize } from "image-size";
import type { BrowserContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { uploadRiggedAvatar } from "./helpers/rigged-avatar";

const origin = inject("origin");
const browser = useChromium();
const POSES = ["builtin-front-neutral", "builtin-hand-on-hip"];

/** A shop owner with a rigged avatar and a finished instant generation of POSES; its id. */
async function instantRun(context: BrowserContext): Promise<string> {
  await signUpIn(context, origin, "Rina");
  const avatar = await uploadRiggedAvatar(context, origin, "Rina Shop");
  return generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: POSES, provider: "instant" });
}

describe("marketplace sizes", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`downloads one instant result at 4:5 and the ZIP at 1:1, each exactly that ratio (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size, acceptDownloads: true });
      const { page, outside, errors } = await watchedPage(context);
      const id = await instantRun(context);

      await page.goto(`${origin}/studio?g=${id}`);
      const tile = page.getByTestId("pose-result").first();
      await expect
        .poll(() => tile.locator("img").evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), {
          timeout: 15_000,
        })
        .toBe(512);

      // One picture, padded to 4:5: 512×768 on a 616×770 canvas.
      await tile.getByTestId("download-sizes").locator("summary").click();
      await screenshot(page, `size-menu-${viewport}`);
      // The open menu stays on the page: no sideways scrolling.
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      const [one] = await Promise.all([
        page.waitForEvent("download"),
        tile.locator('[data-testid="download-size"][data-aspect="4:5"][data-fit="pad"]').click(),
      ]);
      expect(one.suggestedFilename()).toMatch(/^rina-shop-.+-4x5\.jpg$/);
      const single = imageSize(readFileSync(await one.path()));
      expect([single.width, single.height]).toEqual([616, 770]);

      // The ZIP dialog: 1:1, cropped around the person.
      await page.getByTestId("open-zip-dialog").click();
      const dialog = page.getByTestId("zip-dialog");
      await dialog.getByTestId("zip-size").and(page.locator('[value="1:1"]')).check();
      await dialog.getByTestId("zip-fit").and(page.locator('[value="crop"]')).check();
      await screenshot(page, `zip-dialog-${viewport}`);
      const [zip] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("download-zip").click()]);
      expect(zip.suggestedFilename()).toMatch(/-1x1\.zip$/);
      const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
      expect(Object.keys(files)).toHaveLength(2);
      for (const [name, bytes] of Object.entries(files)) {
        expect(name).toMatch(/^rina-shop-.+-1x1\.jpg$/);
        const size = imageSize(bytes);
        expect([size.width, size.height], name).toEqual([512, 512]);
      }

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    }, 150_000);
  }
});
