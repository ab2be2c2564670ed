// Decoding an upload whose header was already checked, and turning it upright: the one place
// uploads meet the decoder, so a file that does not decode is refused here (422) before it is
// stored or sent anywhere.
import { PhotonImage, fliph, flipv, rotate } from "@cf-wasm/photon";
import type { ImageHeader } from "../../shared/images/inspect-image";
import { ApiError } from "../errors";

/** Applies EXIF orientation 2–8 so the pixels stand as a viewer shows them. */
function orientUpright(image: PhotonImage, orientation: number): PhotonImage {
  const turn = (degrees: number) => {
    const turned = rotate(image, degrees);
    image.free();
    image = turned;
  };
  if (orientation === 3) turn(180);
  if (orientation === 5 || orientation === 6) turn(90);
  if (orientation === 7 || orientation === 8) turn(270);
  if (orientation === 2 || orientation === 5 || orientation === 7) fliph(image);
  if (orientation === 4) flipv(image);
  return image;
}

/**
 * Decodes checked upload bytes and applies their EXIF orientation. A decode failure (photon
 * traps on data that does not match its header) is the client's file: a 422, not a 500.
 * The caller frees the image.
 */
export function decodeUpright(bytes: Uint8Array, header: ImageHeader): PhotonImage {
  let image: PhotonImage;
  try {
    image = PhotonImage.new_from_byteslice(bytes);
  } catch {
    throw new ApiError(422, "corrupt_image", "The image could not be decoded.");
  }
  try {
    return orientUpright(image, header.orientation);
  } catch {
    image.free();
    throw new ApiError(422, "corrupt_image", "The image could not be decoded.");
  }
}
