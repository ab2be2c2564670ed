// WebP metadata removed by dropping the EXIF and XMP chunks (and unknown ones), clearing their
// flags in VP8X and writing the new RIFF size. The image chunks are copied as they are.
import { concatBytes } from "../../bytes/concat-bytes";

const KEEP = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

const u32le = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The WebP without EXIF and XMP. */
export function stripWebpMetadata(bytes: Uint8Array): Uint8Array {
  const end = Math.min(bytes.length, u32le(bytes, 4) + 8);
  const parts: Uint8Array[] = [bytes.slice(0, 12)];
  for (let i = 12; i + 8 <= end;) {
    const type = String.fromCharCode(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!);
    const length = u32le(bytes, i + 4);
    const next = Math.min(end, i + 8 + length + (length % 2));
    if (type === "VP8X") {
      const chunk = bytes.slice(i, next);
      chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      parts.push(chunk);
    } else if (KEEP.has(type)) parts.push(bytes.subarray(i, next));
    i = next;
  }
  const out = concatBytes(parts);
  new DataView(out.buffer, out.byteOffset).setUint32(4, out.length - 8, true);
  return out;
}
