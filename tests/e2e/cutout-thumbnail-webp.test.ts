import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { imagePixels } from "./helpers/pixels";

const origin = inject("origin");
const browser = useChromium();

describe("cut-out avatars' thumbnails", () => {
  it("a WebP cut-out (transparent around the person) gets a thumbnail on white, not on black", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Webp");
    const { page, outside, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    // The browser makes the cut-out: a transparent 400 × 600 WebP with a dark figure in the middle.
    const status = await page.evaluate(async () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 400, height: 600 });
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#3a2f5c";
      g.beginPath();
      g.ellipse(200, 110, 60, 75, 0, 0, 2 * Math.PI);
      g.fill();
      g.fillRect(110, 190, 180, 380);
      const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), "image/webp", 0.9));
      const form = new FormData();
      form.set("file", new File([blob], "cutout.webp", { type: "image/webp" }));
      form.set("name", "WebP cut-out");
      return (await fetch("/api/v1/avatars", { method: "POST", body: form })).status;
    });
    expect(status).toBe(201);
    await page.reload();
    const img = page.getByTestId("avatar-card").locator("img");
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalHeight), { timeout: 15_000 })
      .toBe(256);
    const thumb = await imagePixels(page, (await img.getAttribute("src"))!);
    const at = (x: number, y: number) => thumb.data.slice((y * thumb.width + x) * 4, (y * thumb.width + x) * 4 + 3);
    // The removed surroundings are white; the figure is still dark.
    for (const [x, y] of [
      [3, 3],
      [thumb.width - 4, 3],
      [3, thumb.height - 4],
    ] as const)
      for (const v of at(x, y)) expect(v, `corner ${x},${y}`).toBeGreaterThan(245);
    for (const v of at(Math.round(thumb.width / 2), Math.round(thumb.height * 0.6))) expect(v).toBeLessThan(120);
    await screenshot(page, "avatars-webp-cutout-thumbnail");
    expect([...outside, ...errors]).toEqual([]);
    await context.close();
  });
});
