// PNG metadata removed by keeping only the chunks that make the picture: the critical ones
// and those that change how it looks (transparency, gamma, chromaticities, sRGB, the ICC
// profile, significant bits, background, pixel size). Text (tEXt, zTXt, iTXt), EXIF (eXIf),
// the time (tIME) and any private chunk go; nothing after IEND is kept.
import { concatBytes } from "../../bytes/concat-bytes";

const KEEP = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"]);

/** The PNG without its metadata chunks (no decode: chunks are copied whole, CRCs and all). */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  for (let i = 8; i + 8 <= bytes.length;) {
    const length = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    const end = i + 12 + length;
    if (KEEP.has(type)) parts.push(bytes.subarray(i, end));
    if (type === "IEND") break;
    i = end;
  }
  return concatBytes(parts);
}
