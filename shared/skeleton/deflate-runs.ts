// A zlib encoder specialised for skeleton images, which are mostly black with flat colour runs:
// fixed-Huffman deflate whose matches only look back 1 byte (runs), 3 bytes (the previous pixel)
// and one row (the pixel above). A general deflate (fflate) spends 8–12 ms per 512² frame on
// this content; this one stays around a millisecond, and its output is ordinary zlib.

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const MAX_MATCH = 258;
const MAX_DISTANCE = 32768;

const reverse = (code: number, bits: number) => {
  let r = 0;
  for (let i = 0; i < bits; i++) r = (r << 1) | ((code >> i) & 1);
  return r;
};

/** Fixed-Huffman literal/length code for a symbol 0–287, bit-reversed for the LSB-first stream. */
function fixedCode(sym: number): [number, number] {
  if (sym < 144) return [reverse(0x30 + sym, 8), 8];
  if (sym < 256) return [reverse(0x190 + sym - 144, 9), 9];
  if (sym < 280) return [reverse(sym - 256, 7), 7];
  return [reverse(0xc0 + sym - 280, 8), 8];
}

const LITERALS = Array.from({ length: 256 }, (_, b) => fixedCode(b));
const END_OF_BLOCK = fixedCode(256);
/** For each match length 3–258: its code and extra bits, merged into one (bits, count). */
const LENGTHS: [number, number][] = [];
for (let len = 3; len <= MAX_MATCH; len++) {
  let i = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[i]! > len) i--;
  const [code, n] = fixedCode(257 + i);
  LENGTHS[len] = [code | ((len - LENGTH_BASE[i]!) << n), n + LENGTH_EXTRA[i]!];
}
function distanceBits(d: number): [number, number] {
  let i = DIST_BASE.length - 1;
  while (DIST_BASE[i]! > d) i--;
  return [reverse(i, 5) | ((d - DIST_BASE[i]!) << 5), 5 + DIST_EXTRA[i]!];
}

/** An LSB-first bit stream after the zlib header, in a buffer grown as needed (a worst-case
 * buffer for a mostly black frame would cost more to zero-fill than the whole encoding). */
class BitWriter {
  out: Uint8Array;
  pos = 2;
  buf = 0;
  count = 0;

  constructor(size: number) {
    this.out = new Uint8Array(size);
    this.out[0] = 0x78; // deflate, 32 KiB window
    this.out[1] = 0x01; // fastest; 0x7801 is a multiple of 31
  }

  put(bits: number, count: number) {
    if (this.pos + 12 > this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.buf |= bits << this.count;
    this.count += count;
    while (this.count >= 8) {
      this.out[this.pos++] = this.buf & 0xff;
      this.buf >>>= 8;
      this.count -= 8;
    }
  }

  /** Pads to a byte, appends the big-endian Adler-32 and returns the stream. */
  finish(adler: number): Uint8Array {
    if (this.count > 0) this.put(0, 8 - this.count);
    this.put(0, 0);
    const { out } = this;
    out[this.pos++] = adler >>> 24;
    out[this.pos++] = (adler >>> 16) & 0xff;
    out[this.pos++] = (adler >>> 8) & 0xff;
    out[this.pos++] = adler & 0xff;
    return out.slice(0, this.pos);
  }
}

/** Index of the first non-zero byte at or after `from` (or `end`), four bytes at a time. */
export function scanZeros(data: Uint8Array, words: Uint32Array, from: number, end: number): number {
  let i = from;
  while (i < end && i & 3) {
    if (data[i] !== 0) return i;
    i++;
  }
  if (i >= end) return end;
  let w = i >> 2;
  const lastWord = end >> 2;
  while (w < lastWord && words[w] === 0) w++;
  for (i = w << 2; i < end; i++) if (data[i] !== 0) return i;
  return end;
}

/**
 * zlib-wraps `data` (PNG scanlines of `rowBytes` each, filter byte included) in one
 * fixed-Huffman block. `zeroRunEnd(from)`, when given, returns where the zeros starting at
 * `from` end without reading them (the drawing knows what it left black).
 */
export function deflateRuns(data: Uint8Array, rowBytes: number, zeroRunEnd?: (from: number) => number): Uint8Array {
  const n = data.length;
  const w = new BitWriter(Math.max(4096, n >> 6));
  const put = (bits: number, count: number) => w.put(bits, count);
  put(0b011, 3); // final block, fixed Huffman
  const distances = [1, 3, rowBytes].filter((d) => d <= MAX_DISTANCE).map((d) => ({ d, bits: distanceBits(d) }));
  const [d1Bits, d1Count] = distanceBits(1);
  const words = new Uint32Array(data.buffer, data.byteOffset, data.byteOffset % 4 === 0 ? n >> 2 : 0);
  // Adler-32 kept as we go: over a run of zeros `a` stays put and `b` grows by a per byte.
  let a = 1;
  let b = 0;
  // A call covers at most 258 bytes, so one reduction at the end keeps both sums exact.
  const sum = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      a += data[j]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  };
  let i = 0;
  while (i < n) {
    if (words.length && data[i] === 0 && data[i + 1] === 0 && (i === 0 || data[i - 1] !== 0)) {
      // The first zero after colour: one literal, so the run below can continue it.
      put(LITERALS[0]![0], LITERALS[0]![1]);
      b = (b + a) % 65521;
      i++;
    }
    if (words.length && i > 0 && data[i] === 0 && data[i - 1] === 0) {
      // A run of zeros: distance-1 matches of up to 258 bytes, found a word at a time.
      const runEnd = zeroRunEnd ? zeroRunEnd(i) : scanZeros(data, words, i, n);
      let run = runEnd - i;
      b = (b + a * run) % 65521;
      while (run >= 3) {
        const len = Math.min(run, MAX_MATCH);
        const [lb, ln] = LENGTHS[len]!;
        put(lb, ln);
        put(d1Bits, d1Count);
        run -= len;
        i += len;
      }
      for (; run > 0; run--, i++) put(LITERALS[0]![0], LITERALS[0]![1]);
      continue;
    }
    let bestLen = 0;
    let best = distances[0]!;
    const limit = Math.min(MAX_MATCH, n - i);
    for (const cand of distances) {
      if (cand.d > i) continue;
      let k = 0;
      const from = i - cand.d;
      while (k < limit && data[i + k] === data[from + k]) k++;
      if (k > bestLen) {
        bestLen = k;
        best = cand;
        if (k === limit) break;
      }
    }
    if (bestLen >= 3) {
      const [lb, ln] = LENGTHS[bestLen]!;
      put(lb, ln);
      put(best.bits[0], best.bits[1]);
      sum(i, i + bestLen);
      i += bestLen;
    } else {
      const [lb, ln] = LITERALS[data[i]!]!;
      put(lb, ln);
      sum(i, i + 1);
      i++;
    }
  }
  put(END_OF_BLOCK[0], END_OF_BLOCK[1]);
  return w.finish(((b << 16) | a) >>> 0);
}
