// The quick preview of a cut-out: MediaPipe's person mask (from the pose model the page already
// loaded) applied to the photo, background dimmed, in a few tens of milliseconds.
import { detectPersonMask, poseLandmarker } from "$lib/pose/detect-pose";

/** How much of the background still shows in the quick preview (0 = none): enough to judge the edge. */
const BACKGROUND_ALPHA = 0.22;

/** A small photo of a person we serve anyway (the first-minutes example), for the warm-up. */
const WARM_UP_PHOTO = "/examples/messi5-photo.jpg";

/**
 * Loads the pose model with its mask output and runs it once on a small photo of a person (the
 * first detection sets the graph up, seconds here; on a blank picture the landmark and mask
 * stages never run, so the user's first photo paid for theirs), so the first photo only runs
 * detection. Resolves to false when the model cannot load in this browser.
 */
export async function preloadCoarseCutout(): Promise<boolean> {
  try {
    const landmarker = await poseLandmarker("IMAGE", "lite");
    const photo = await fetch(WARM_UP_PHOTO)
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) => (b ? createImageBitmap(b) : null))
      .catch(() => null);
    landmarker.detect(photo ?? new ImageData(64, 64)).close();
    photo?.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Paints `photo` into `canvas` (resized to the photo) with the person mask as alpha, the
 * background faint; false when nobody is found or the picture cannot be read (canvas untouched).
 */
export async function paintCoarseCutout(canvas: HTMLCanvasElement, photo: Blob): Promise<boolean> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: "from-image" }).catch(() => null);
  if (!bitmap) return false;
  try {
    const mask = await detectPersonMask(bitmap);
    if (!mask) return false;
    const { width, height } = bitmap;
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d", { willReadFrequently: true })!;
    g.drawImage(bitmap, 0, 0);
    const pixels = g.getImageData(0, 0, width, height);
    // The mask may come at another size than the photo: nearest sample is plenty for a preview.
    const sx = mask.width / width;
    const sy = mask.height / height;
    for (let y = 0; y < height; y++) {
      const row = Math.min(mask.height - 1, Math.floor(y * sy)) * mask.width;
      for (let x = 0; x < width; x++) {
        const m = mask.alpha[row + Math.min(mask.width - 1, Math.floor(x * sx))]!;
        pixels.data[(y * width + x) * 4 + 3] = Math.round(255 * (BACKGROUND_ALPHA + (1 - BACKGROUND_ALPHA) * m));
      }
    }
    g.putImageData(pixels, 0, 0);
    return true;
  } finally {
    bitmap.close();
  }
}
