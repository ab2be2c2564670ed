import type { Locator, Page } from "playwright-core";

/**
 * The colours (RGB) an element shows on screen at points given as fractions of its box: its
 * screenshot decoded by the page itself (what the user sees, CSS backgrounds included).
 */
export async function shownColours(page: Page, element: Locator, points: [number, number][]): Promise<number[][]> {
  const shot = (await element.screenshot()).toString("base64");
  return page.evaluate(
    async ({ shot, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${shot}`;
      await img.decode();
      const canvas = Object.assign(document.createElement("canvas"), { width: img.width, height: img.height });
      const g = canvas.getContext("2d")!;
      g.drawImage(img, 0, 0);
      return points.map(([fx, fy]) => {
        const x = Math.min(img.width - 1, Math.round(fx * img.width));
        const y = Math.min(img.height - 1, Math.round(fy * img.height));
        return Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
      });
    },
    { shot, points },
  );
}

/** Decodes an image URL of our origin in the page: its size and RGBA pixels (as a plain array). */
export async function imagePixels(page: Page, url: string) {
  return page.evaluate(async (url) => {
    // Decoded as stored: no colour conversion, transparency kept.
    const bitmap = await createImageBitmap(await (await fetch(url)).blob(), { colorSpaceConversion: "none" });
    const { width, height } = bitmap;
    const g = new OffscreenCanvas(width, height).getContext("2d")!;
    g.drawImage(bitmap, 0, 0);
    return { width, height, data: Array.from(g.getImageData(0, 0, width, height).data) };
  }, url);
}

/** Whether an RGB colour is one of the checkerboard's two squares (#e6e4ef, #fff), give or take `tolerance`. */
export const isChecker = (rgb: number[], tolerance = 6) =>
  [
    [230, 228, 239],
    [255, 255, 255],
  ].some((c) => c.every((v, i) => Math.abs(v - rgb[i]!) <= tolerance));
