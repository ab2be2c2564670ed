// The `cutout` field: the person cut out of the photo by the browser, a transparent PNG of the
// photo's own size. Checked from its header (size, type, alpha) before anything decodes it.
import { ApiError } from "../errors";
import { readUpload } from "../images/read-upload";

/** Checks an uploaded cut-out against its photo (upright width × height); the 4xx says what is wrong. */
export async function readCutout(env: Env, file: File, photo: { width: number; height: number }) {
  const mask = await readUpload(env, file);
  if (mask.header.format !== "png" || !mask.header.hasAlpha) {
    throw new ApiError(422, "cutout_not_transparent", "The cut-out must be a PNG with transparency.");
  }
  const { displayWidth: w, displayHeight: h } = mask.header;
  if (w !== photo.width || h !== photo.height) {
    throw new ApiError(
      422,
      "cutout_size_mismatch",
      `The cut-out is ${w}×${h} px; it must match the photo (${photo.width}×${photo.height}).`,
    );
  }
  return mask;
}
