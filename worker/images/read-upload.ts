// An uploaded image file checked before anything decodes it: size, type by its bytes, and the
// dimensions from its header (refused before any decode when too large to decode within a
// Worker's memory). Avatars, cut-outs and background pictures all come through here.
import { inspectImage } from "../../shared/images/inspect-image";
import { MAX_UPLOAD_SIDE, MIN_UPLOAD_SIDE } from "../../shared/images/upload-size";
import { ApiError } from "../errors";
import { maxUploadBytes } from "../middleware/upload-limit";

export const MIN_SIDE = MIN_UPLOAD_SIDE;
export const MAX_SIDE = MAX_UPLOAD_SIDE;

/** Turns an uploaded file into checked bytes, or the 4xx that says what is wrong with it. */
export async function readUpload(env: Env, file: File) {
  const max = maxUploadBytes(env);
  if (file.size === 0) throw new ApiError(400, "empty_file", "The file is empty.");
  if (file.size > max)
    throw new ApiError(413, "file_too_large", `The file is larger than ${max / 1024 / 1024} MB.`, undefined, {
      maxMb: max / 1024 / 1024,
    });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const header = inspectImage(bytes);
  if (!header.ok) throw new ApiError(header.code === "unsupported_image_type" ? 415 : 422, header.code, header.message);
  const { displayWidth: w, displayHeight: h } = header;
  if (w > MAX_SIDE || h > MAX_SIDE) {
    throw new ApiError(
      422,
      "image_too_large",
      `The image is ${w}×${h} px; at most ${MAX_SIDE} px a side is accepted. Resize it (the app does this for you) and upload it again.`,
      undefined,
      { width: w, height: h, max: MAX_SIDE },
    );
  }
  if (w < MIN_SIDE || h < MIN_SIDE) {
    throw new ApiError(
      422,
      "image_too_small",
      `The image is ${w}×${h} px; at least ${MIN_SIDE} px a side is needed.`,
      undefined,
      {
        width: w,
        height: h,
        min: MIN_SIDE,
      },
    );
  }
  return { bytes, header };
}
