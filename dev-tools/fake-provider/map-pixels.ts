// The fake's pixel edits: decode, change the RGBA pixels in place, encode as PNG.
import { PhotonImage } from "@cf-wasm/photon";

/** The image with `edit` applied to its RGBA pixels, as PNG. */
export function mapPixels(image: Uint8Array, edit: (rgba: Uint8Array) => void): Uint8Array {
  const photo = PhotonImage.new_from_byteslice(image);
  const rgba = photo.get_raw_pixels();
  edit(rgba);
  const out = new PhotonImage(rgba, photo.get_width(), photo.get_height());
  photo.free();
  try {
    return out.get_bytes();
  } finally {
    out.free();
  }
}
