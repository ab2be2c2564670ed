import { SamplingFilter, resize } from "@cf-wasm/photon";
import type { ImageHeader } from "../../shared/images/inspect-image";
import { stripMetadata } from "../../shared/images/metadata/strip-metadata";
import { decodeUpright } from "./decode-upright";

export const THUMBNAIL_SIZE = 256;

export interface PreparedAvatarImage {
  /** Bytes to store as the original: the upload without its metadata, or re-encoded upright when EXIF rotated it. */
  original: Uint8Array;
  originalContentType: string;
  width: number;
  height: number;
  thumbnail: Uint8Array;
  thumbnailWidth: number;
  thumbnailHeight: number;
}

/** Longest side scaled to `max`, aspect kept, never upscaled. */
export function fitWithin(width: number, height: number, max: number) {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Decodes an upload whose header was already checked, turns it upright and makes the
 * thumbnail. A decode failure is the client's file, so it is a 422, not a 500.
 */
export function prepareAvatarImage(bytes: Uint8Array, header: ImageHeader): PreparedAvatarImage {
  const image = decodeUpright(bytes, header);
  try {
    const width = image.get_width();
    const height = image.get_height();
    const size = fitWithin(width, height, THUMBNAIL_SIZE);
    const small = resize(image, size.width, size.height, SamplingFilter.Lanczos3);
    const thumbnail = small.get_bytes_jpeg(85);
    small.free();
    const upright = header.orientation === 1;
    return {
      original: upright ? stripMetadata(bytes, header.format) : image.get_bytes_jpeg(92),
      originalContentType: upright ? header.contentType : "image/jpeg",
      width,
      height,
      thumbnail,
      thumbnailWidth: size.width,
      thumbnailHeight: size.height,
    };
  } finally {
    image.free();
  }
}
