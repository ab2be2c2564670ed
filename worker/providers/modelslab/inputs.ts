// ModelsLab's size limit and how its input images travel. Its ControlNet and inpainting endpoints
// draw at most 1024 px a side ("Maximum 1024x1024": width/height in image-generation/controlnet/
// openapi.json and image-generation/community-models/openapi.json, ModelsLab/docs-v2 c1440bc): HD
// (1024×1536) is asked at 680×1024 and the pipeline scales the answer back (toJpeg). Images are
// "Link to …" URLs; `base64: "yes"` lets them be base64 instead ("pass init_image, mask_image,
// control_image as base64", same files) — used only when this server has no public origin.
import { scaleTo } from "../../images/scale-to";
import { bytesToBase64 } from "../base64";
import type { PublishInput } from "../publish-input";

/** The longest side ModelsLab draws. */
export const MODELSLAB_MAX_SIDE = 1024;

/** The size to ask for: the output's shape within 1024 px, sides a multiple of 8 (SD latents). */
export function modelsLabSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MODELSLAB_MAX_SIDE / Math.max(width, height));
  const side = (n: number) => Math.max(64, Math.floor((n * scale) / 8) * 8);
  return { width: side(width), height: side(height) };
}

export interface ModelsLabImage {
  bytes: Uint8Array;
  /** PNG for skeletons and masks (their values must stay exact), JPEG for pictures. */
  type: "image/png" | "image/jpeg";
}

/**
 * The request's image fields (at modelsLabSize of the output) as URLs on our origin, or as base64 with the
 * `base64` flag when no URL can be made; the flag also asks for the result as base64.
 */
export async function modelsLabInputs(
  images: Record<string, ModelsLabImage>,
  output: { width: number; height: number },
  publish: PublishInput | undefined,
  /** The endpoint's spelling of "yes": the ControlNet's is the string "yes", the community models' a boolean. */
  base64Flag: "yes" | true,
): Promise<Record<string, unknown>> {
  // The pipeline's images are at the output size; only a size above the maximum is scaled down.
  const size = modelsLabSize(output.width, output.height);
  const fits = size.width === output.width && size.height === output.height;
  const scaled = Object.entries(images).map(
    ([field, image]) =>
      [
        field,
        fits ? image.bytes : scaleTo(image.bytes, size.width, size.height, image.type === "image/png" ? "png" : "jpeg"),
        image.type,
      ] as const,
  );
  if (publish) {
    const urls = await Promise.all(scaled.map(([field, bytes, type]) => publish(field, bytes, type)));
    if (urls.every((u) => u !== null)) return Object.fromEntries(scaled.map(([field], i) => [field, urls[i]!]));
  }
  return { ...Object.fromEntries(scaled.map(([field, bytes]) => [field, bytesToBase64(bytes)])), base64: base64Flag };
}
