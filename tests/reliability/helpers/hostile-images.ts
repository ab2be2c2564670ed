// Image files made to hurt: declared sizes far beyond what we decode, truncated streams, markup.
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(width: number, height: number, idat: Uint8Array) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk("IHDR", ihdr),
      chunk("IDAT", idat),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}

/** A PNG that says 50000 × 50000 (2.5 gigapixels) and carries almost nothing. */
export const pngClaimingHugeSize = () => png(50_000, 50_000, deflateSync(Buffer.alloc(1024)));

/** A real decompression bomb: 12000 × 12000 grey zeros (144 MB decoded) in a file of ~140 kB. */
export function pngBomb() {
  const width = 12_000;
  const rows = Buffer.alloc((width + 1) * 12_000); // each row: filter byte 0, then zeros
  return png(width, 12_000, deflateSync(rows, { level: 9 }));
}

/** messi5.jpg with its SOF0 frame header rewritten to 60000 × 60000. */
export function jpegClaimingHugeSize() {
  const jpeg = new Uint8Array(readFileSync("tests/fixtures/messi5.jpg"));
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      const view = new DataView(jpeg.buffer);
      view.setUint16(i + 5, 60_000);
      view.setUint16(i + 7, 60_000);
      return jpeg;
    }
  }
  throw new Error("no SOF marker in the fixture");
}

/** The first 2 kB of a real JPEG: a valid header, then nothing. */
export const truncatedJpeg = () => new Uint8Array(readFileSync("tests/fixtures/messi5.jpg")).subarray(0, 2048);

export const svgWithScript = () =>
  new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`);
