import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { imagePixels } from "./helpers/pixels";

const origin = inject("origin");
const browser = useChromium();

/** The background the quick preview leaves showing (coarse-cutout.ts BACKGROUND_ALPHA × 255). */
const DIMMED = Math.round(0.22 * 255);

/** Records, in the page, the order in which the quick preview and the fine cut-out come and go. */
async function watchPreviews(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { previews: string[] }).previews = []);
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="cutout-coarse"] canvas')
        ? "coarse"
        : document.querySelector('img.cutout[data-testid="upload-preview"]')
          ? "fine"
          : "neither";
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { previews: string[] }).previews);
}

/** Alpha agreement of the quick preview with the reference cut-out: IoU of the person (alpha ≥ ½). */
function coarseAgainstReference(page: Page, referencePng: string, torso: [number, number]) {
  return page.getByTestId("cutout-coarse").evaluate(
    async (node, { referencePng, torso, dimmed }) => {
      const canvas = node.querySelector("canvas")!;
      const alpha = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const ref = await createImageBitmap(await (await fetch(referencePng)).blob());
      const r = new OffscreenCanvas(ref.width, ref.height).getContext("2d")!;
      r.drawImage(ref, 0, 0);
      const refAlpha = r.getImageData(0, 0, ref.width, ref.height).data;
      // The preview's alpha is dimmed + (255 - dimmed) × mask: its mask at ½ sits halfway up.
      const half = (255 + dimmed) / 2;
      let both = 0;
      let either = 0;
      for (let i = 3; i < alpha.length; i += 4) {
        const a = alpha[i]! >= half;
        const b = refAlpha[i]! >= 128;
        both += +(a && b);
        either += +(a || b);
      }
      const at = (x: number, y: number) => alpha[(Math.round(y) * canvas.width + Math.round(x)) * 4 + 3];
      return {
        size: [canvas.width, canvas.height, ref.width, ref.height],
        iou: both / either,
        corner: at(5, 5),
        torso: at(torso[0] * canvas.width, torso[1] * canvas.height),
      };
    },
    { referencePng, torso, dimmed: DIMMED },
  );
}

describe("the cut-out in two steps", () => {
  it("a quick MediaPipe mask shows as soon as the photo is chosen, then the fine cut-out replaces it", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Dewi");
    const { page, outside, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    await page.getByRole("heading", { name: "Your avatars" }).waitFor();
    const previews = await watchPreviews(page);

    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/messi5.jpg");
    const coarse = page.getByTestId("cutout-coarse");
    await coarse.locator("canvas").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("cutout-coarse-label").textContent()).toContain("Quick preview");
    expect(Number(await coarse.getAttribute("data-ms"))).toBeGreaterThan(0);
    expect(await page.getByTestId("upload-preview").count()).toBe(0);

    // The quick mask is the person: it agrees with the reference cut-out, the background is dimmed.
    const { landmarks } = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
      landmarks: { x: number; y: number }[];
    };
    const body = [11, 12, 23, 24].map((i) => landmarks[i]!);
    const torso: [number, number] = [body.reduce((s, p) => s + p.x, 0) / 4, body.reduce((s, p) => s + p.y, 0) / 4];
    const reference = `data:image/png;base64,${readFileSync("tests/fixtures/messi5.cutout.png").toString("base64")}`;
    const quick = await coarseAgainstReference(page, reference, torso);
    expect(quick.size).toEqual([548, 342, 548, 342]);
    expect(quick.corner).toBeLessThanOrEqual(DIMMED + 2);
    expect(quick.torso).toBeGreaterThan(240);
    // Coarse by nature (the ball and the hair's edge are missed): an empty or inverted mask scores < 0.1.
    expect(quick.iou).toBeGreaterThan(0.5);
    await screenshot(page, "avatars-cutout-coarse-desktop");

    await page.getByRole("button", { name: "Remove background" }).click();
    await page.getByText("Background removed.").waitFor({ timeout: 180_000 });
    expect(await coarse.count()).toBe(0);
    const fine = page.getByTestId("upload-preview");
    expect(await fine.getAttribute("class")).toContain("cutout");
    expect(Number(await fine.getAttribute("data-ms"))).toBeGreaterThan(0);
    // The fine cut-out is the person: opaque on the torso, clear in the corner.
    const cut = await imagePixels(page, (await fine.getAttribute("src"))!);
    expect([cut.width, cut.height]).toEqual([548, 342]);
    const alphaAt = (x: number, y: number) => cut.data[(Math.round(y) * cut.width + Math.round(x)) * 4 + 3]!;
    expect(alphaAt(torso[0] * cut.width, torso[1] * cut.height)).toBeGreaterThan(240);
    expect(alphaAt(5, 5)).toBeLessThan(16);
    // In order: the quick preview came, then the fine cut-out took its place (nothing between).
    const events = await previews();
    expect(events.filter((e) => e !== "neither")).toEqual(["coarse", "fine"]);
    expect(events.slice(-2)).toEqual(["coarse", "fine"]);
    await screenshot(page, "avatars-cutout-fine-desktop");

    // Back to the original photo: the plain picture, no quick preview over it.
    await page.getByRole("button", { name: "Keep the original" }).click();
    await fine.waitFor();
    expect(await coarse.count()).toBe(0);
    expect(await fine.getAttribute("class")).not.toContain("cutout");
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it("a phone-sized photo's quick preview is painted at most 768 px a side, the person in the same place", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Dewi");
    const { page, outside, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    await page.getByRole("heading", { name: "Your avatars" }).waitFor();
    // messi5 at a phone camera's 3000 px wide, encoded by the browser.
    const photo = `data:image/jpeg;base64,${readFileSync("tests/fixtures/messi5.jpg").toString("base64")}`;
    const base64 = await page.evaluate(async (url) => {
      const small = await createImageBitmap(await (await fetch(url)).blob());
      const canvas = new OffscreenCanvas(3000, Math.round((3000 * small.height) / small.width));
      canvas.getContext("2d")!.drawImage(small, 0, 0, canvas.width, canvas.height);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg" })).arrayBuffer());
      let text = "";
      for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    }, photo);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "messi5-3000.jpg", mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") });
    const coarse = page.getByTestId("cutout-coarse");
    await coarse.locator("canvas").waitFor({ timeout: 60_000 });
    const { landmarks } = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
      landmarks: { x: number; y: number }[];
    };
    const body = [11, 12, 23, 24].map((i) => landmarks[i]!);
    const torso: [number, number] = [body.reduce((s, p) => s + p.x, 0) / 4, body.reduce((s, p) => s + p.y, 0) / 4];
    const painted = await coarse.evaluate((node, torso) => {
      const canvas = node.querySelector("canvas")!;
      const alpha = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const at = (x: number, y: number) => alpha[(Math.round(y) * canvas.width + Math.round(x)) * 4 + 3]!;
      return {
        size: [canvas.width, canvas.height],
        corner: at(5, 5),
        torso: at(torso[0] * canvas.width, torso[1] * canvas.height),
      };
    }, torso);
    // 3000×1872 scaled to 768 wide: 768×479 (messi5's 548×342 ratio).
    expect(painted.size).toEqual([768, Math.round((768 * 1872) / 3000)]);
    expect(painted.corner).toBeLessThanOrEqual(DIMMED + 2);
    expect(painted.torso).toBeGreaterThan(240);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
