import type { ImageFormat } from "../inspect-image";
import { stripJpegMetadata } from "./strip-jpeg";
import { stripPngMetadata } from "./strip-png";
import { stripWebpMetadata } from "./strip-webp";

/**
 * The image without private metadata (camera, artist, GPS, comments, text), from its
 * container alone: nothing is decoded, so it costs no more memory than the file. Read the
 * EXIF orientation (inspectImage) before stripping; it goes with the rest.
 */
export function stripMetadata(bytes: Uint8Array, format: ImageFormat): Uint8Array {
  if (format === "jpeg") return stripJpegMetadata(bytes);
  if (format === "png") return stripPngMetadata(bytes);
  return stripWebpMetadata(bytes);
}
