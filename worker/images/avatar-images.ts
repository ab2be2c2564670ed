import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
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
 * JPEG has no alpha: a transparent pixel would come out black. A cut-out's thumbnail (PNG or WebP
 * with alpha) is flattened onto white, the backdrop shops photograph products on.
 */
function onWhite(image: PhotonImage): PhotonImage {
  const px = image.get_raw_pixels();
  for (let i = 0; i < px.length; i += 4) {
    const a = px[i + 3]!;
    for (let k = 0; k < 3; k++) px[i + k] = Math.round((px[i + k]! * a + 255 * (255 - a)) / 255);
    px[i + 3] = 255;
  }
  return new PhotonImage(px, image.get_width(), image.get_height());
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
    const resized = resize(image, size.width, size.height, SamplingFilter.Lanczos3);
    const small = header.hasAlpha ? onWhite(resized) : resized;
    if (small !== resized) resized.free();
    const thumbnail = small.get_bytes_jpeg(85);
    small.free();
    const upright = header.orientation === 1;
    // Turned upright, a transparent PNG stays a PNG (its alpha is the cut-out).
    const [reencoded, reencodedType] = header.hasAlpha
      ? [() => image.get_bytes(), "image/png"]
      : [() => image.get_bytes_jpeg(92), "image/jpeg"];
    return {
      original: upright ? stripMetadata(bytes, header.format) : reencoded(),
      originalContentType: upright ? header.contentType : reencodedType,
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
