// Image bytes ↔ RGBA pixels for the compositing stages, through photon (wasm).
import { PhotonImage, SamplingFilter, crop, resize } from "@cf-wasm/photon";
import type { Rgba } from "../../shared/raster/rgba";

export function decodeRgba(bytes: Uint8Array): Rgba {
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    return { width: image.get_width(), height: image.get_height(), data: image.get_raw_pixels() };
  } finally {
    image.free();
  }
}

function encode(rgba: Rgba, as: (image: PhotonImage) => Uint8Array): Uint8Array {
  const image = new PhotonImage(Uint8Array.from(rgba.data), rgba.width, rgba.height);
  try {
    return as(image);
  } finally {
    image.free();
  }
}

export const encodeJpeg = (rgba: Rgba) => encode(rgba, (i) => i.get_bytes_jpeg(92));
/** PNG keeps the alpha channel (a removed background stays transparent). */
export const encodePng = (rgba: Rgba) => encode(rgba, (i) => i.get_bytes());

/** Scales and centre-crops a picture to exactly width×height (CSS "cover"). */
export function coverResize(bytes: Uint8Array, width: number, height: number): Rgba {
  const image = PhotonImage.new_from_byteslice(bytes);
  const s = Math.max(width / image.get_width(), height / image.get_height());
  const [w, h] = [
    Math.max(width, Math.round(image.get_width() * s)),
    Math.max(height, Math.round(image.get_height() * s)),
  ];
  const scaled = resize(image, w, h, SamplingFilter.Triangle);
  image.free();
  const x = Math.floor((w - width) / 2);
  const y = Math.floor((h - height) / 2);
  const cropped = crop(scaled, x, y, x + width, y + height);
  scaled.free();
  try {
    return { width, height, data: cropped.get_raw_pixels() };
  } finally {
    cropped.free();
  }
}
