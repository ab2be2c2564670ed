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

/** The preview's longest side: it shows at most 12rem high, so a phone's 4000 px photo need not be decoded, detected and painted whole. */
const MAX_SIDE = 768;

/** The photo decoded once (EXIF orientation applied), scaled down to MAX_SIDE when larger; null when unreadable. */
async function decodeForPreview(photo: Blob): Promise<ImageBitmap | null> {
  const full = await createImageBitmap(photo, { imageOrientation: "from-image" }).catch(() => null);
  const scale = full ? MAX_SIDE / Math.max(full.width, full.height) : 1;
  if (!full || scale >= 1) return full;
  const resizeWidth = Math.round(full.width * scale);
  const resizeHeight = Math.round(full.height * scale);
  const small = await createImageBitmap(full, { resizeWidth, resizeHeight, resizeQuality: "medium" }).catch(() => null);
  full.close();
  return small;
}

/**
 * Paints `photo` into `canvas` (resized to the photo, at most MAX_SIDE a side) with the person
 * mask as alpha, the background faint; false when nobody is found or the picture cannot be read
 * (canvas untouched).
 */
export async function paintCoarseCutout(canvas: HTMLCanvasElement, photo: Blob): Promise<boolean> {
  const bitmap = await decodeForPreview(photo);
  if (!bitmap) return false;
  try {
    const mask = await detectPersonMask(bitmap);
    if (!mask) return false;
    // The mask becomes an alpha-only picture the canvas composites the photo with (scaled and
    // smoothed by the canvas should its size differ): no read-back of the photo's pixels.
    const alpha = new ImageData(mask.width, mask.height);
    for (let i = 0; i < mask.alpha.length; i++)
      alpha.data[i * 4 + 3] = Math.round(255 * (BACKGROUND_ALPHA + (1 - BACKGROUND_ALPHA) * mask.alpha[i]!));
    const maskCanvas = new OffscreenCanvas(mask.width, mask.height);
    maskCanvas.getContext("2d")!.putImageData(alpha, 0, 0);
    const { width, height } = bitmap;
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d")!;
    g.drawImage(bitmap, 0, 0);
    g.globalCompositeOperation = "destination-in";
    g.drawImage(maskCanvas, 0, 0, width, height);
    g.globalCompositeOperation = "source-over";
    return true;
  } finally {
    bitmap.close();
  }
}
