import { PhotonImage, SamplingFilter, fliph, flipv, resize, rotate } from "@cf-wasm/photon";
import type { ImageHeader } from "../../shared/images/inspect-image";
import { ApiError } from "../errors";

export const THUMBNAIL_SIZE = 256;

export interface PreparedAvatarImage {
  /** Bytes to store as the original: the upload itself, or re-encoded upright when EXIF rotated it. */
  original: Uint8Array;
  originalContentType: string;
  width: number;
  height: number;
  thumbnail: Uint8Array;
  thumbnailWidth: number;
  thumbnailHeight: number;
}

/** Applies EXIF orientation 2–8 so the pixels stand as a viewer shows them. */
function orientUpright(image: PhotonImage, orientation: number): PhotonImage {
  const turn = (degrees: number) => {
    const turned = rotate(image, degrees);
    image.free();
    image = turned;
  };
  if (orientation === 3) turn(180);
  if (orientation === 5 || orientation === 6) turn(90);
  if (orientation === 7 || orientation === 8) turn(270);
  if (orientation === 2 || orientation === 5 || orientation === 7) fliph(image);
  if (orientation === 4) flipv(image);
  return image;
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
  let image: PhotonImage;
  try {
    image = PhotonImage.new_from_byteslice(bytes);
  } catch {
    throw new ApiError(422, "corrupt_image", "The image could not be decoded.");
  }
  try {
    image = orientUpright(image, header.orientation);
    const width = image.get_width();
    const height = image.get_height();
    const size = fitWithin(width, height, THUMBNAIL_SIZE);
    const small = resize(image, size.width, size.height, SamplingFilter.Lanczos3);
    const thumbnail = small.get_bytes_jpeg(85);
    small.free();
    const upright = header.orientation === 1;
    return {
      original: upright ? bytes : image.get_bytes_jpeg(92),
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
