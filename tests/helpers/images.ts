import { env } from "cloudflare:workers";

export const messiJpg = () => new Uint8Array(env.FIXTURE_MESSI_JPG);
/** messi5.jpg as the server stores it: the same bytes less its comment segment (COM, 61 bytes after APP0 JFIF). */
export const messiJpgStored = () => {
  const m = messiJpg();
  return new Uint8Array([...m.subarray(0, 20), ...m.subarray(81)]);
};
export const astronautPng = () => new Uint8Array(env.FIXTURE_ASTRONAUT_PNG);

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A PNG whose header claims the given size; its single IDAT is tiny (a would-be decompression bomb). */
export function pngClaiming(width: number, height: number): Uint8Array {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [...u32be(13), 0x49, 0x48, 0x44, 0x52, ...u32be(width), ...u32be(height), 8, 6, 0, 0, 0, 0, 0, 0, 0];
  const idat = [...u32be(2), 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0, 0, 0, 0];
  const iend = [...u32be(0), 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  return new Uint8Array([...sig, ...ihdr, ...idat, ...iend]);
}

/**
 * The JPEG with an EXIF APP1 segment inserted after SOI that sets the given orientation
 * (big-endian TIFF, one IFD0 entry: tag 0x0112).
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, ...u32be(8), 0, 1, 0x01, 0x12, 0, 3, ...u32be(1), 0, orientation, 0, 0, ...u32be(0)];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, (length >> 8) & 255, length & 255, ...payload];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** Size of a JPEG from its SOF marker, to check what the server encoded. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new Error("not a JPEG marker");
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    }
    i += 2 + length;
  }
  throw new Error("no SOF marker");
}

/** A multipart body for POST /api/v1/avatars. */
export function avatarForm(file: Uint8Array | string | null, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file !== null) form.set("file", new File([file], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}
