// An avatar's rig from a checked cut-out and the person's pose on it: the cut-out scaled to the
// instant engine's working size (never up), the pose scaled with it, both checked by the engine's
// rules, the image encoded as the PNG that is stored.
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { RigProblem } from "../../shared/instant/contract";
import type { ImageHeader } from "../../shared/images/inspect-image";
import type { Pose, PosePerson } from "../../shared/pose/model";
import { ApiError } from "../errors";
import { fitWithin } from "../images/avatar-images";
import { decodeUpright } from "../images/decode-upright";
import { checkRig } from "../../shared/instant/rig-check";

/** The engine's working size: the rig image's longer side at most this many pixels. */
export const RIG_MAX_SIDE = 1024;

export interface BuiltRig {
  /** The cut-out at working size, RGBA PNG. */
  png: Uint8Array;
  /** The person's body points on the rig image's canvas (one person). */
  pose: Pose;
}

function scaledTo(image: PhotonImage, width: number, height: number): PhotonImage {
  if (width === image.get_width() && height === image.get_height()) return image;
  const scaled = resize(image, width, height, SamplingFilter.Triangle);
  image.free();
  return scaled;
}

/**
 * Makes the rig from a cut-out whose header was checked (size, type, transparency) and the pose
 * in its pixels. A rig the engine could not use is a 422 with the RigProblem's code and message.
 */
export function buildRig(cutout: Uint8Array, header: ImageHeader, person: PosePerson): BuiltRig {
  let image = decodeUpright(cutout, header);
  try {
    const [w, h] = [image.get_width(), image.get_height()];
    const size = fitWithin(w, h, RIG_MAX_SIDE);
    image = scaledTo(image, size.width, size.height);
    const [sx, sy] = [size.width / w, size.height / h];
    const body = person.body.map((p) => (p ? { x: p.x * sx, y: p.y * sy, c: p.c } : null));
    const rigPerson: PosePerson = { body, face: null, leftHand: null, rightHand: null };
    try {
      checkRig({ cutout: { ...size, data: image.get_raw_pixels() }, pose: rigPerson });
    } catch (err) {
      if (err instanceof RigProblem) throw new ApiError(422, err.code, err.message);
      throw err;
    }
    return {
      png: image.get_bytes(),
      pose: { canvasWidth: size.width, canvasHeight: size.height, people: [rigPerson] },
    };
  } finally {
    image.free();
  }
}
