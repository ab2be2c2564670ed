// Reads what an uploaded image claims to be from its first bytes and header only: no decode.
import { imageSize } from "image-size";

export type ImageFormat = "jpeg" | "png" | "webp";

export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export interface ImageHeader {
  format: ImageFormat;
  contentType: string;
  /** As stored in the file. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  /** As a viewer shows it, after the EXIF orientation (5–8 swap the sides). */
  displayWidth: number;
  displayHeight: number;
  /** PNG with an alpha channel (colour type 4 or 6) or a transparency chunk; WebP whose header says it has alpha. */
  hasAlpha: boolean;
}

export type InspectFailure =
  | { ok: false; code: "empty_file"; message: string }
  | { ok: false; code: "unsupported_image_type"; message: string }
  | { ok: false; code: "corrupt_image"; message: string };

export type InspectResult = ({ ok: true } & ImageHeader) | InspectFailure;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Identifies JPEG, PNG and WebP by their magic bytes; anything else is null. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

function lastIndexOf(bytes: Uint8Array, sig: number[], searchFrom: number): number {
  for (let i = bytes.length - sig.length; i >= Math.max(0, searchFrom); i--) {
    if (startsWith(bytes, sig, i)) return i;
  }
  return -1;
}

/**
 * True when the file is complete: a JPEG's end-of-image marker, a PNG's IEND chunk, or a
 * WebP's RIFF length are present. Headers of truncated uploads still parse, so this is
 * the check that turns them away before a decoder sees them.
 */
export function isImageComplete(bytes: Uint8Array, format: ImageFormat): boolean {
  switch (format) {
    case "jpeg":
      // Some cameras append a few bytes after EOI; allow a short tail.
      return lastIndexOf(bytes, [0xff, 0xd9], bytes.length - 4096) >= 2;
    case "png":
      return lastIndexOf(bytes, [0x49, 0x45, 0x4e, 0x44], bytes.length - 64) > 8;
    case "webp": {
      const riffSize = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
      return bytes.length >= riffSize + 8;
    }
  }
}

/** Type, dimensions and orientation of an image from its header, or why it is unusable. */
export function inspectImage(bytes: Uint8Array): InspectResult {
  if (bytes.length === 0) return { ok: false, code: "empty_file", message: "The file is empty." };
  const format = sniffImageFormat(bytes);
  if (!format) {
    return {
      ok: false,
      code: "unsupported_image_type",
      message: "Only JPEG, PNG and WebP images are accepted.",
    };
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, code: "corrupt_image", message: "The image header could not be read." };
  }
  if (!size.width || !size.height) {
    return { ok: false, code: "corrupt_image", message: "The image header has no dimensions." };
  }
  if (!isImageComplete(bytes, format)) {
    return { ok: false, code: "corrupt_image", message: "The image file is truncated or incomplete." };
  }
  const orientation = size.orientation && size.orientation >= 1 && size.orientation <= 8 ? size.orientation : 1;
  const swapped = orientation >= 5;
  return {
    ok: true,
    format,
    contentType: IMAGE_CONTENT_TYPES[format],
    width: size.width,
    height: size.height,
    orientation,
    displayWidth: swapped ? size.height : size.width,
    displayHeight: swapped ? size.width : size.height,
    hasAlpha: format === "png" ? pngHasAlpha(bytes) : format === "webp" && webpHasAlpha(bytes),
  };
}

/**
 * A WebP's alpha from its first chunk: VP8X carries an alpha flag (bit 4 of its flags byte),
 * lossless VP8L an alpha_is_used bit after the 14-bit sizes; lossy VP8 alone has none.
 * (WebP container spec, RFC 9649 §2.7 and §3.)
 */
function webpHasAlpha(bytes: Uint8Array): boolean {
  const chunk = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (chunk === "VP8X") return ((bytes[20] ?? 0) & 0x10) !== 0;
  if (chunk === "VP8L") return (((bytes[24] ?? 0) >> 4) & 1) === 1;
  return false;
}

function pngHasAlpha(bytes: Uint8Array): boolean {
  // IHDR is always first: its colour type sits at byte 25.
  if (bytes[25] === 4 || bytes[25] === 6) return true;
  for (let i = 8; i + 8 <= bytes.length;) {
    const len = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    if (type === "tRNS") return true;
    if (type === "IDAT" || type === "IEND") return false;
    i += 12 + len;
  }
  return false;
}
