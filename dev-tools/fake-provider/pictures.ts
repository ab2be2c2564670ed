// The FAKE provider's pictures (a test and demo tool): deterministic images made from what a
// request carried — the skeleton on a prompt-coloured background, an inpainted region, a cut-out,
// a person mask — so tests can tell which inputs reached it. Every decode and encode goes through
// photon; `withPhoton` frees what it decoded however the work ends.
import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { inspectImage } from "../../shared/images/inspect-image";
import { encodePng } from "../../shared/skeleton/png";
import { createImage, type RgbImage } from "../../shared/skeleton/raster";

/**
 * An RGB image (filter byte 0 on every row, as createImage lays it out) as PNG through Node's zlib.
 * The shared encoder is made for skeletons' black backgrounds; on a coloured picture it keeps the
 * fake busy for 100+ ms per answer, which delays every other call it is serving.
 */
function rgbPng(img: RgbImage): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(img.width, 0);
  header.writeUInt32BE(img.height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(img.data, { level: 1 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Runs `work` on decoded images and frees every one of them afterwards. */
function withPhoton<T>(images: PhotonImage[], work: (...images: PhotonImage[]) => T): T {
  try {
    return work(...images);
  } finally {
    for (const image of images) image.free();
  }
}

const decode = (bytes: Uint8Array) => PhotonImage.new_from_byteslice(bytes);

/** RGBA pixels as PNG bytes. */
const rgbaPng = (rgba: Uint8Array, width: number, height: number) =>
  withPhoton([new PhotonImage(rgba, width, height)], (out) => out.get_bytes());

/** An image's pixels, or null when the bytes are not an image photon reads. */
function pixels(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } | null {
  if (!inspectImage(bytes).ok) return null;
  try {
    return withPhoton([decode(bytes)], (p) => ({
      width: p.get_width(),
      height: p.get_height(),
      rgba: p.get_raw_pixels(),
    }));
  } catch {
    return null;
  }
}

/** The image with `edit` applied to its RGBA pixels, as PNG. */
export function mapPixels(image: Uint8Array, edit: (rgba: Uint8Array) => void): Uint8Array {
  const photo = pixels(image)!;
  edit(photo.rgba);
  return rgbaPng(photo.rgba, photo.width, photo.height);
}

/** The pixel size of a base64 image, or null when it is not one. */
export function imageSize(base64: string): [number, number] | null {
  const header = inspectImage(Buffer.from(base64, "base64"));
  return header.ok ? [header.displayWidth, header.displayHeight] : null;
}

/** The image at width × height, as a model that draws at a fixed size answers. */
export function resizedPng(png: Uint8Array, width: number, height: number): Uint8Array {
  return withPhoton([decode(png)], (image) => {
    if (image.get_width() === width && image.get_height() === height) return png;
    return withPhoton([resize(image, width, height, SamplingFilter.Lanczos3)], (out) => out.get_bytes());
  });
}

/** Inpainting: the image with the mask's region painted a colour from the prompt (blended by the mask). */
export function inpaintImage(image: Uint8Array, maskBytes: Uint8Array, prompt: string): Uint8Array {
  const hash = createHash("sha256").update(prompt).digest();
  const paint = [40 + (hash[0]! % 180), 40 + (hash[1]! % 180), 40 + (hash[2]! % 180)];
  const photo = pixels(image)!;
  const mask = pixels(maskBytes);
  const { width: w, height: h, rgba } = photo;
  if (mask && mask.width === w && mask.height === h) {
    for (let i = 0; i < w * h; i++) {
      const a = mask.rgba[i * 4]! / 255;
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round(paint[c]! * a + rgba[i * 4 + c]! * (1 - a));
    }
  }
  return rgbaPng(rgba, w, h);
}

/** Background removal (Segmind's protocol): the image with the segmentation as its alpha. */
export function cutOutImage(image: Uint8Array): Uint8Array {
  const mask = pixels(segmentImage(image))!;
  return mapPixels(image, (rgba) => {
    for (let i = 0; i < rgba.length / 4; i++) rgba[i * 4 + 3] = mask.rgba[i * 4]!;
  });
}

/** Segmentation: white where a pixel differs from the top-left corner's colour, grown a little. */
export function segmentImage(image: Uint8Array): Uint8Array {
  const { width: w, height: h, rgba } = pixels(image)!;
  const hit = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const d =
      Math.abs(rgba[i * 4]! - rgba[0]!) + Math.abs(rgba[i * 4 + 1]! - rgba[1]!) + Math.abs(rgba[i * 4 + 2]! - rgba[2]!);
    hit[i] = d > 40 ? 1 : 0;
  }
  const img = createImage(w, h);
  const r = 4;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let on = false;
      for (let dy = -r; dy <= r && !on; dy += 2)
        for (let dx = -r; dx <= r && !on; dx += 2) {
          const [u, v] = [x + dx, y + dy];
          on = u >= 0 && v >= 0 && u < w && v < h && hit[v * w + u] === 1;
        }
      const o = y * img.stride + 1 + x * 3;
      img.data[o] = img.data[o + 1] = img.data[o + 2] = on ? 255 : 0;
    }
  }
  img.rowLeft.fill(0);
  img.rowRight.fill(w - 1);
  return encodePng(img);
}

/** The skeleton on a background whose colour comes from a hash of the prompt and avatar. */
export function deterministicImage(
  control: Uint8Array,
  prompt: string,
  avatar: string | null,
  width: number,
  height: number,
) {
  const hash = createHash("sha256")
    .update(prompt)
    .update(avatar ?? "")
    .digest();
  const bg = [80 + (hash[0]! % 120), 80 + (hash[1]! % 120), 80 + (hash[2]! % 120)];
  const skeleton = pixels(control);
  const w = skeleton?.width ?? width;
  const h = skeleton?.height ?? height;
  const img = createImage(w, h);
  const src = skeleton?.rgba;
  for (let y = 0; y < h; y++) {
    let o = y * img.stride + 1;
    for (let i = y * w * 4, end = i + w * 4; i < end; i += 4, o += 3) {
      const lit = src !== undefined && (src[i]! | src[i + 1]! | src[i + 2]!) !== 0;
      img.data[o] = lit ? src[i]! : bg[0]!;
      img.data[o + 1] = lit ? src[i + 1]! : bg[1]!;
      img.data[o + 2] = lit ? src[i + 2]! : bg[2]!;
    }
  }
  img.rowLeft.fill(0);
  img.rowRight.fill(w - 1);
  return rgbPng(img);
}
