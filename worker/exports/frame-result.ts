// A result in a marketplace's aspect ratio: read from R2, framed around the person and encoded
// again (JPEG stays JPEG, a cut-out PNG stays PNG). One image at a time; sizes are checked before
// anything is decoded.
import { alphaMask } from "../../shared/background/person-mask";
import { framePixels } from "../../shared/export/frame-pixels";
import { marketplaceFrame, type ExportAspect, type ExportFit } from "../../shared/export/marketplace-frame";
import { personBox } from "../../shared/export/person-box";
import { inspectImage } from "../../shared/images/inspect-image";
import { MAX_UPLOAD_SIDE } from "../../shared/images/upload-size";
import { ApiError } from "../errors";
import { decodeRgba, encodeJpeg, encodePng } from "../images/rgba";
import { resultPersonMask } from "./result-person";

/**
 * Largest side framed: results are at most HD (1536 px); the largest canvas this allows (2048²
 * padded) stays within the memory budget (`npm run bench`, the `export-frame` case).
 */
export const MAX_FRAME_SIDE = MAX_UPLOAD_SIDE;

export interface ExportSize {
  aspect: ExportAspect;
  fit: ExportFit;
}

/** The result image `bytes` of pose `poseId` of generation `generationId`, framed in `size`. */
export async function frameResult(
  env: Env,
  generationId: string,
  poseId: string,
  bytes: Uint8Array,
  size: ExportSize,
): Promise<Uint8Array> {
  const header = inspectImage(bytes);
  if (!header.ok) throw new ApiError(422, "export_unreadable", `This image cannot be resized: ${header.message}`);
  if (header.width > MAX_FRAME_SIDE || header.height > MAX_FRAME_SIDE)
    throw new ApiError(
      422,
      "export_too_large",
      `This image is too large to resize (${header.width}×${header.height}; at most ${MAX_FRAME_SIDE} px a side).`,
      undefined,
      { width: header.width, height: header.height, max: MAX_FRAME_SIDE },
    );
  const png = header.format === "png";
  // A cut-out's alpha is the person; a JPEG's person is found from what the pipeline stored.
  const mask = png ? null : await resultPersonMask(env, generationId, poseId, header.width, header.height);
  const image = decodeRgba(bytes);
  const person = png ? alphaMask(image) : mask;
  const frame = marketplaceFrame(image, person ? personBox(person) : null, size.aspect, size.fit);
  const framed = framePixels(image, frame, person, png);
  return png ? encodePng(framed) : encodeJpeg(framed);
}
