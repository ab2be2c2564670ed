// Test images that carry private metadata (camera, artist, GPS, comments) in every place a
// JPEG, PNG or WebP can: built around the fixtures' bytes so they still decode.

/** Strings planted in the metadata; none may survive an upload. */
export const SECRETS = ["Jane Secret", "SecretCam", "SECRET-GPS-DATUM"];

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16be = (n: number) => [(n >>> 8) & 255, n & 255];
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** A big-endian TIFF block (as EXIF stores it): Make, Model, Artist and a GPS IFD with a map datum. */
export function exifTiff(): number[] {
  const strings: [number, string][] = [
    [0x010f, "SecretCam\0"],
    [0x0110, "SecretCam X9\0"],
    [0x013b, "Jane Secret\0"],
  ];
  const ifd0Entries = strings.length + 1;
  const ifd0Size = 2 + ifd0Entries * 12 + 4;
  const gpsAt = 8 + ifd0Size;
  const gpsSize = 2 + 12 + 4;
  const dataAt = gpsAt + gpsSize;
  const data: number[] = [];
  const entries: number[] = [];
  for (const [tag, value] of strings) {
    entries.push(...u16be(tag), ...u16be(2), ...u32be(value.length), ...u32be(dataAt + data.length));
    data.push(...ascii(value));
  }
  entries.push(...u16be(0x8825), ...u16be(4), ...u32be(1), ...u32be(gpsAt));
  const datum = "SECRET-GPS-DATUM\0";
  const gps = [...u16be(1), ...u16be(0x0012), ...u16be(2), ...u32be(datum.length), ...u32be(dataAt + data.length)];
  data.push(...ascii(datum));
  gps.push(...u32be(0));
  return [0x4d, 0x4d, 0, 42, ...u32be(8), ...u16be(ifd0Entries), ...entries, ...u32be(0), ...gps, ...data];
}

const jpegSegment = (marker: number, payload: number[]) => [0xff, marker, ...u16be(payload.length + 2), ...payload];

/** The JPEG with EXIF (APP1), XMP (APP1), IPTC (APP13) and a comment (COM) inserted after SOI. */
export function jpegWithMetadata(jpeg: Uint8Array): Uint8Array {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Jane Secret</dc:creator></x:xmpmeta>`;
  const segments = [
    ...jpegSegment(0xe1, [...ascii("Exif\0\0"), ...exifTiff()]),
    ...jpegSegment(0xe1, [...ascii("http://ns.adobe.com/xap/1.0/\0"), ...ascii(xmp)]),
    ...jpegSegment(0xed, [...ascii("Photoshop 3.0\0"), ...ascii("8BIM Jane Secret")]),
    ...jpegSegment(0xfe, ascii("Shot by Jane Secret on a SecretCam")),
  ];
  return new Uint8Array([...jpeg.subarray(0, 2), ...segments, ...jpeg.subarray(2)]);
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const pngChunk = (type: string, data: number[]) => {
  const body = [...ascii(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(body))];
};

/** The PNG with tEXt, iTXt, eXIf and tIME chunks inserted after IHDR. */
export function pngWithMetadata(png: Uint8Array): Uint8Array {
  const afterIhdr = 8 + 12 + 13;
  const chunks = [
    ...pngChunk("tEXt", ascii("Author\0Jane Secret")),
    ...pngChunk("iTXt", ascii("Description\0\0\0\0\0Taken with a SecretCam")),
    ...pngChunk("eXIf", exifTiff()),
    ...pngChunk("tIME", [7, 234, 11, 30, 6, 0, 0]),
  ];
  return new Uint8Array([...png.subarray(0, afterIhdr), ...chunks, ...png.subarray(afterIhdr)]);
}

/** Chunk types of a PNG, in order. */
export function pngChunkTypes(png: Uint8Array): string[] {
  const types: string[] = [];
  for (let i = 8; i + 8 <= png.length;) {
    const len = ((png[i]! << 24) | (png[i + 1]! << 16) | (png[i + 2]! << 8) | png[i + 3]!) >>> 0;
    types.push(String.fromCharCode(...png.subarray(i + 4, i + 8)));
    i += 12 + len;
  }
  return types;
}

const riffChunk = (fourcc: string, data: number[]) => [
  ...ascii(fourcc),
  ...u32le(data.length),
  ...data,
  ...(data.length % 2 ? [0] : []),
];

/** A simple (VP8 or VP8L) WebP turned extended (VP8X) with EXIF and XMP chunks. */
export function webpWithMetadata(webp: Uint8Array, width: number, height: number): Uint8Array {
  const image = [...webp.subarray(12)];
  const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
  const vp8x = riffChunk("VP8X", [0x08 | 0x04, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]);
  const body = [
    ...ascii("WEBP"),
    ...vp8x,
    ...image,
    ...riffChunk("EXIF", exifTiff()),
    ...riffChunk("XMP ", ascii("<x:xmpmeta><dc:creator>Jane Secret</dc:creator></x:xmpmeta>")),
  ];
  return new Uint8Array([...ascii("RIFF"), ...u32le(body.length), ...body]);
}

/** FourCCs of a WebP's chunks, in order, and whether the RIFF size matches the file. */
export function webpChunks(webp: Uint8Array): { types: string[]; sizeMatches: boolean; vp8xFlags: number | null } {
  const riffSize = (webp[4]! | (webp[5]! << 8) | (webp[6]! << 16) | (webp[7]! << 24)) >>> 0;
  const types: string[] = [];
  let vp8xFlags: number | null = null;
  for (let i = 12; i + 8 <= webp.length;) {
    const type = String.fromCharCode(...webp.subarray(i, i + 4));
    const len = (webp[i + 4]! | (webp[i + 5]! << 8) | (webp[i + 6]! << 16) | (webp[i + 7]! << 24)) >>> 0;
    if (type === "VP8X") vp8xFlags = webp[i + 8]!;
    types.push(type);
    i += 8 + len + (len % 2);
  }
  return { types, sizeMatches: riffSize + 8 === webp.length, vp8xFlags };
}

/** The planted strings (and the EXIF/XMP signatures) found in some bytes. */
export function leakedSecrets(bytes: Uint8Array): string[] {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return [...SECRETS, "Exif\0\0", "xmpmeta", "Photoshop 3.0"].filter((s) => text.includes(s));
}
