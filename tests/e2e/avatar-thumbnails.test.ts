import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("avatar thumbnails", () => {
  it("shows a cut-out avatar on white, not on black (its thumbnail is a JPEG, which has no alpha)", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Thumbs");
    const res = await context.request.post(`${origin}/api/v1/avatars`, {
      headers: { origin },
      multipart: {
        file: {
          name: "astronaut.png",
          mimeType: "image/png",
          buffer: readFileSync("tests/fixtures/astronaut.cutout.png"),
        },
        name: "Cut out",
      },
    });
    expect(res.status()).toBe(201);
    const { page, outside, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    const img = page.getByTestId("avatar-card").locator("img");
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(256);
    const pixels = await img.evaluate((i: HTMLImageElement) => {
      const canvas = Object.assign(document.createElement("canvas"), {
        width: i.naturalWidth,
        height: i.naturalHeight,
      });
      const g = canvas.getContext("2d")!;
      g.drawImage(i, 0, 0);
      const at = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
      const all = g.getImageData(0, 0, i.naturalWidth, i.naturalHeight).data;
      let notWhite = 0;
      for (let k = 0; k < all.length; k += 4) if (Math.min(all[k]!, all[k + 1]!, all[k + 2]!) < 200) notWhite++;
      return { corners: [at(3, 3), at(252, 3)], person: notWhite / (all.length / 4) };
    });
    // The removed backdrop is white; the person is still there (a quarter of the picture or more).
    for (const corner of pixels.corners) for (const v of corner) expect(v).toBeGreaterThan(245);
    expect(pixels.person).toBeGreaterThan(0.25);
    await screenshot(page, "avatars-cutout-thumbnail");
    expect([...outside, ...errors]).toEqual([]);
    await context.close();
  });
});
