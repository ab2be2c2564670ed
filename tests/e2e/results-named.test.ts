import { unzipSync } from "fflate";
import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
// Picked in this order, which is neither the alphabetical nor the library's.
const POSES = ["builtin-hand-on-hip", "builtin-front-neutral", "builtin-chair-side"];
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

describe("results that name themselves", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`names tiles, downloads and ZIP entries after the avatar and the poses, in the order picked; the history shows pictures and avatars (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size, acceptDownloads: true });
      const { page, outside, errors } = await watchedPage(context);
      await signUpIn(context, origin, "Dewi");
      const avatar = await uploadAvatarIn(context, origin, "Dewi's Hijab Look");
      const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: POSES });
      const names: string[] = [];
      for (const pose of POSES) {
        names.push(
          ((await (await context.request.get(`${origin}/api/v1/templates/${pose}`)).json()) as { name: string }).name,
        );
      }
      // The avatar is renamed afterwards: files keep the name the generation recorded.
      const renamed = await context.request.patch(`${origin}/api/v1/avatars/${avatar.id}`, {
        headers: { origin },
        data: { name: "Renamed later" },
      });
      expect(renamed.status()).toBe(200);

      await page.goto(`${origin}/studio?g=${id}`);
      const tiles = page.getByTestId("pose-result");
      await expect.poll(() => tiles.getByTestId("pose-name").allTextContents(), { timeout: 15_000 }).toEqual(names);
      expect(await tiles.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("alt")))).toEqual(names);

      const expected = names.map((n) => `dewi-s-hijab-look-${slug(n)}.jpg`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        tiles.nth(1).getByTestId("download-one").click(),
      ]);
      expect(download.suggestedFilename()).toBe(expected[1]);

      const zip = await context.request.get(`${origin}/api/v1/generations/${id}/download.zip`);
      expect(Object.keys(unzipSync(new Uint8Array(await zip.body())))).toEqual(expected);

      // The history: each run with its first picture and the avatar's name.
      const item = page.getByTestId("history-item").first();
      expect(await item.getByTestId("history-avatar").textContent()).toBe("Dewi's Hijab Look");
      await expect
        .poll(() => item.locator("img").evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), {
          timeout: 15_000,
        })
        .toBe(512);
      expect(await item.locator("img").getAttribute("src")).toContain(`/poses/${POSES[0]}/image`);
      await screenshot(page, `results-named-${viewport}`);

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
