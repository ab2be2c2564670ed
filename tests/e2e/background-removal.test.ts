import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchOutsideRequests } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("background removal in the browser", () => {
  it("cuts the astronaut out in a Web Worker (model from our origin, cross-origin isolated) and uploads the PNG", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Sari");
    const page = await context.newPage();
    const outside = watchOutsideRequests(page);
    const workerScripts: string[] = [];
    page.on("worker", (w) => workerScripts.push(w.url()));

    await page.goto(`${origin}/avatars`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/astronaut.png");
    await page.getByRole("button", { name: "Remove background" }).click();
    await page.getByRole("progressbar", { name: "Background removal" }).waitFor();
    await page.getByText("Background removed.").waitFor({ timeout: 180_000 });
    expect(workerScripts.some((url) => url.includes("cutout.worker"))).toBe(true);

    // Corners of the studio backdrop are now transparent; the middle of the suit is not.
    const alpha = await page.getByTestId("upload-preview").evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = Object.assign(document.createElement("canvas"), {
        width: img.naturalWidth,
        height: img.naturalHeight,
      });
      const g = canvas.getContext("2d")!;
      g.drawImage(img, 0, 0);
      const at = (x: number, y: number) => g.getImageData(x, y, 1, 1).data[3];
      const [w, h] = [img.naturalWidth, img.naturalHeight];
      return { size: [w, h], corners: [at(5, 5), at(w - 6, 5)], suit: at(Math.round(w * 0.45), Math.round(h * 0.7)) };
    });
    expect(alpha.size).toEqual([512, 512]);
    expect(alpha.corners).toEqual([0, 0]);
    expect(alpha.suit).toBeGreaterThan(240);
    await screenshot(page, "avatars-cutout-desktop");

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/v1/avatars") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Upload avatar" }).click(),
    ]);
    expect(response.status()).toBe(201);
    const avatar = (await response.json()) as { width: number };
    expect(avatar.width).toBe(512);
    await page.getByText("astronaut", { exact: false }).first().waitFor();
    expect(outside).toEqual([]);
    await context.close();
  });
});
