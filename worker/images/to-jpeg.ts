// A provider's image as a JPEG of the expected size: a complete JPEG of that size is kept as it
// came; anything else is decoded, resized if needed, and re-encoded. An image that cannot be read
// is the provider's bad answer (and is retried).
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { inspectImage } from "../../shared/images/inspect-image";
import { ProviderError } from "../providers/provider";

export function toJpeg(bytes: Uint8Array, provider: string, size?: { width: number; height: number }): Uint8Array {
  const header = inspectImage(bytes);
  if (!header.ok)
    throw new ProviderError("bad_response", `The provider's image is unusable: ${header.message}`, provider);
  const rightSize = !size || (header.displayWidth === size.width && header.displayHeight === size.height);
  if (header.format === "jpeg" && rightSize) return bytes;
  let image: PhotonImage;
  try {
    image = PhotonImage.new_from_byteslice(bytes);
  } catch {
    throw new ProviderError("bad_response", "The provider's image could not be decoded.", provider);
  }
  try {
    if (rightSize) return image.get_bytes_jpeg(92);
    const resized = resize(image, size!.width, size!.height, SamplingFilter.Lanczos3);
    try {
      return resized.get_bytes_jpeg(92);
    } finally {
      resized.free();
    }
  } finally {
    image.free();
  }
}
