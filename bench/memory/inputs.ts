// The pictures the memory cases read: a real photo (the messi5 fixture) scaled to each size and
// written as JPEG, WebP, PNG, an EXIF-rotated JPEG and a transparent cut-out; and the HD stage
// images (a provider's PNG answer, the pose JPEG, a segmentation mask, a cut-out).
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_SIZE } from "../../shared/api/generations";

export const INPUT_DIR = "/tmp/bench-memory";

/** An APP1 EXIF segment (orientation only) inserted after SOI. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  return new Uint8Array([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)]);
}

function scaled(photo: PhotonImage, width: number, height: number, write: (image: PhotonImage) => void) {
  const image = resize(photo, width, height, SamplingFilter.Triangle);
  write(image);
  image.free();
}

/** Writes the inputs for each side (once) and returns their folder. */
export function writeInputs(sides: number[]): string {
  mkdirSync(INPUT_DIR, { recursive: true });
  const photo = PhotonImage.new_from_byteslice(new Uint8Array(readFileSync("tests/fixtures/messi5.jpg")));
  const file = (name: string) => join(INPUT_DIR, name);
  for (const side of sides) {
    if (existsSync(file(`photo-${side}.cutout.png`))) continue;
    scaled(photo, side, side, (image) => {
      const jpeg = image.get_bytes_jpeg(90);
      writeFileSync(file(`photo-${side}.jpg`), jpeg);
      writeFileSync(file(`photo-${side}.exif5.jpg`), withOrientation(jpeg, 5));
      writeFileSync(file(`photo-${side}.webp`), image.get_bytes_webp());
      writeFileSync(file(`photo-${side}.png`), image.get_bytes());
      // A cut-out: the photo with its left third transparent.
      const pixels = image.get_raw_pixels();
      for (let y = 0; y < side; y++) for (let x = 0; x < side / 3; x++) pixels[(y * side + x) * 4 + 3] = 0;
      const cutout = new PhotonImage(pixels, side, side);
      writeFileSync(file(`photo-${side}.cutout.png`), cutout.get_bytes());
      cutout.free();
    });
  }
  const { width, height } = OUTPUT_SIZE.hd;
  scaled(photo, width, height, (image) => {
    writeFileSync(file("hd.png"), image.get_bytes());
    writeFileSync(file("hd.jpg"), image.get_bytes_jpeg(92));
    const pixels = image.get_raw_pixels();
    for (let i = 0; i < pixels.length; i += 4) pixels.fill(i % (width * 4) < width * 2 ? 255 : 0, i, i + 3);
    const mask = new PhotonImage(pixels, width, height);
    writeFileSync(file("hd.mask.png"), mask.get_bytes());
    mask.free();
    // A cut-out at HD (the instant engine's picture, a result with its background removed): the
    // photo with its left half transparent.
    const cut = image.get_raw_pixels();
    for (let i = 0; i < cut.length; i += 4) if (i % (width * 4) < width * 2) cut[i + 3] = 0;
    const cutout = new PhotonImage(cut, width, height);
    writeFileSync(file("hd.cutout.png"), cutout.get_bytes());
    cutout.free();
  });
  photo.free();
  return INPUT_DIR;
}
