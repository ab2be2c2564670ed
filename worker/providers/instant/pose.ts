// The instant pose adapter: the avatar's rig (cut-out PNG + its own pose) reshaped into the
// template's pose on this Worker's CPU — no AI, no network — and encoded as a transparent PNG.
import { inspectImage } from "../../../shared/images/inspect-image";
import { RigProblem, type InstantPicture, type OutputSize } from "../../../shared/instant/contract";
import { decodeRgba, encodePng } from "../../images/rgba";
import {
  ProviderError,
  type InstantInput,
  type PoseImageProvider,
  type PoseImageRequest,
  type ProviderImage,
} from "../provider";
import type { Adapter } from "../vendor";
import { drawInstant } from "./draw";

/** The rig is stored at the engine's working size; anything far larger is not a rig (checked before decoding). */
const MAX_RIG_PIXELS = 2048 * 2048;

/** The engine's model name on results and metrics. */
export const INSTANT_MODEL = "instant-mesh";

// Every rejection here is the rig's: its code names the fix in other languages (shared/generations/pose-failure.ts).
const rejected = (message: string, reason = "rig_unusable") =>
  new ProviderError("rejected", message, "instant", undefined, undefined, reason);

/** The rig's cut-out, decoded once its header says it is a PNG of a sane size. */
function decodeRig(png: Uint8Array) {
  const header = inspectImage(png);
  if (!header.ok || header.format !== "png" || !header.hasAlpha) {
    throw rejected("The avatar's rig image is not a transparent PNG: open the avatar and detect its pose again.");
  }
  if (header.width * header.height > MAX_RIG_PIXELS) {
    throw rejected("The avatar's rig image is too large: open the avatar and detect its pose again.");
  }
  return decodeRgba(png);
}

/**
 * The avatar of `input` drawn in its target pose at `size` (picture, mask and the retargeted
 * skeleton); a rig the engine cannot use is a rejection whose message says what to fix.
 */
export async function drawInstantPicture(input: InstantInput, size: OutputSize): Promise<InstantPicture> {
  const person = input.rigPose.people[0];
  if (!person) throw rejected("The avatar's rig has no pose: open the avatar and detect its pose.");
  try {
    return await drawInstant({ png: input.rigPng, pose: person, decode: decodeRig }, input.target, size);
  } catch (err) {
    if (err instanceof RigProblem) throw rejected(`${err.message} Open the avatar and correct its pose.`, err.code);
    throw err;
  }
}

/** Draws one pose as a transparent PNG. */
async function generate(req: PoseImageRequest): Promise<ProviderImage> {
  if (!req.instant) throw rejected("The instant engine needs the avatar's rig and the target pose.");
  const picture = await drawInstantPicture(req.instant, { width: req.width, height: req.height });
  return {
    bytes: encodePng(picture.image),
    contentType: "image/png",
    model: INSTANT_MODEL,
    skeleton: picture.skeleton,
  };
}

/** The adapter: always available, it needs no settings. */
export function instantPose(): Adapter<PoseImageProvider> {
  return { local: false, generatePose: (req) => generate(req) };
}
