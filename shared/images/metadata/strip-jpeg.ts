// JPEG metadata removed by walking the marker segments, without decoding: what a decoder needs
// (frame, tables, scans) and the colour information (JFIF, the ICC profile, Adobe's colour
// transform flag) stay; EXIF and XMP (APP1), IPTC (APP13), every other APPn, comments, and
// anything after the end of the image (a second MPF picture with its own EXIF) go.
import { concatBytes } from "../../bytes/concat-bytes";

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** Whether an APPn/COM segment starting at `at` (its marker byte at at+1) is kept. */
function keepSegment(bytes: Uint8Array, at: number, marker: number): boolean {
  const payload = at + 4;
  if (marker === 0xe0) return ascii(bytes, payload, "JFIF\0") || ascii(bytes, payload, "JFXX\0");
  if (marker === 0xe2) return ascii(bytes, payload, "ICC_PROFILE\0");
  if (marker === 0xee) return ascii(bytes, payload, "Adobe");
  if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false;
  return true;
}

/** Where the entropy-coded data that starts at `from` ends: the next marker that is not a stuffed 0xFF or a restart. */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return bytes.length;
}

/**
 * The JPEG without its metadata segments. Bytes that do not parse as markers are returned as
 * they came up to that point plus the rest unchanged, so a decoder sees what it would have.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) {
      parts.push(bytes.subarray(i));
      break;
    }
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(i, i + 2));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (keepSegment(bytes, i, marker)) parts.push(bytes.subarray(i, end));
    i = end;
    if (marker === 0xda) {
      const dataEnd = scanEnd(bytes, i);
      parts.push(bytes.subarray(i, dataEnd));
      i = dataEnd;
    }
  }
  return concatBytes(parts);
}
