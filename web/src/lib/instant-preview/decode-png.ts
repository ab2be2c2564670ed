// The rig image decoded by the browser itself (createImageBitmap + OffscreenCanvas), in the
// worker: straight (not premultiplied) RGBA as the engine reads a cut-out.
import type { Rgba } from "$shared/raster/rgba";

/** Decodes a PNG (or any image the browser reads) to RGBA at its own size. */
export async function decodeImage(image: Blob): Promise<Rgba> {
  const bitmap = await createImageBitmap(image, { premultiplyAlpha: "none", colorSpaceConversion: "none" });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    const { width, height, data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width, height, data };
  } finally {
    bitmap.close();
  }
}
