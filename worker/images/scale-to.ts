// An image re-encoded at another size, for a vendor whose models draw within a smaller maximum.
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { inspectImage } from "../../shared/images/inspect-image";

/** The image at exactly width × height, as PNG (keeps a skeleton's or mask's hard values) or JPEG. */
export function scaleTo(bytes: Uint8Array, width: number, height: number, as: "png" | "jpeg"): Uint8Array {
  const header = inspectImage(bytes);
  // Already that size: sent as it came, never decoded.
  if (header.ok && header.displayWidth === width && header.displayHeight === height) return bytes;
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    const scaled = resize(image, width, height, SamplingFilter.Triangle);
    try {
      return as === "png" ? scaled.get_bytes() : scaled.get_bytes_jpeg(92);
    } finally {
      scaled.free();
    }
  } finally {
    image.free();
  }
}
