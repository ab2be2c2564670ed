// Minimal PNG writer for 8-bit RGB skeleton images: pure code, so the Worker, the browser and
// the CLI write the same bytes.
import { concatBytes } from "../bytes/concat-bytes";
import { deflateRuns, scanZeros } from "./deflate-runs";
import type { RgbImage } from "./raster";

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * Where a run of zeros starting at raw offset `from` ends, from the rows' drawn extents: black
 * outside them is skipped without reading; inside, the bytes are checked.
 */
function zeroRunEnd(img: RgbImage): (from: number) => number {
  const rowBytes = img.stride;
  const n = rowBytes * img.height;
  const words = new Uint32Array(img.data.buffer, img.data.byteOffset, img.data.byteOffset % 4 === 0 ? n >> 2 : 0);
  return (from) => {
    let i = from;
    for (let y = Math.floor(i / rowBytes); y < img.height; y++) {
      const rowStart = y * rowBytes;
      const left = img.rowLeft[y]!;
      const right = img.rowRight[y]!;
      if (left > right) {
        i = rowStart + rowBytes;
        continue;
      }
      const contentStart = rowStart + 1 + left * 3;
      const contentEnd = rowStart + 1 + (right + 1) * 3;
      if (i < contentStart) return contentStart;
      if (i < contentEnd) {
        const end = scanZeros(img.data, words, i, contentEnd);
        if (end < contentEnd) return end;
      }
      i = rowStart + rowBytes;
    }
    return n;
  };
}

/** Encodes an RGB image as a PNG (colour type 2, no interlace, filter 0 on every row). */
export function encodePng(img: RgbImage): Uint8Array<ArrayBuffer> {
  const { width, height } = img;
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateRuns(img.data, img.stride, zeroRunEnd(img))),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
