// The pose in an A1111 result, estimated by the server itself: sd-webui-controlnet's
// `POST /controlnet/detect` {controlnet_module, controlnet_input_images (base64),
// controlnet_processor_res} answers {info, images, poses} with one OpenPose dict per image for any
// module whose name contains "openpose" (Mikubill/sd-webui-controlnet@56cec5b2958edf3b1807b7e7b2b1b5186dbd2f81
// scripts/api.py L99-200). The preprocessor first scales the picture's short side to the
// resolution and pads both sides up to a multiple of 64 (scripts/preprocessor/legacy/processor.py
// L34-51 resize_image_with_pad, run_model L266-300); the dict's canvas is the padded picture
// (annotator/openpose/__init__.py L136-175, L415-450). Asking at the short side's own size keeps
// the points in the result's pixels, and the padding is cut off the canvas. Any failure costs the
// score, never the picture.
import { inspectImage } from "../../../shared/images/inspect-image";
import type { Pose } from "../../../shared/pose/model";
import { bytesToBase64 } from "../base64";
import { detectedPose } from "../detected-pose";

/** The preprocessors' resolution range (scripts/preprocessor/legacy/preprocessor_compiled.py, e.g. dw_openpose_full L311-329). */
const MIN_RES = 64;
const MAX_RES = 2048;

export interface A1111Detector {
  baseUrl: string;
  headers: Record<string, string>;
  /** An openpose module, e.g. "dw_openpose_full" or "openpose". */
  module: string;
}

/** The pose the server's `module` finds in `image`, or undefined when it could not say. */
export async function detectA1111Pose(
  detector: A1111Detector,
  image: Uint8Array,
  signal: AbortSignal,
): Promise<Pose | undefined> {
  const header = inspectImage(image);
  if (!header.ok) return undefined;
  const short = Math.min(header.displayWidth, header.displayHeight);
  const res = Math.min(MAX_RES, Math.max(MIN_RES, short));
  const k = res / short;
  try {
    const answer = await fetch(`${detector.baseUrl}/controlnet/detect`, {
      method: "POST",
      headers: { "content-type": "application/json", ...detector.headers },
      body: JSON.stringify({
        controlnet_module: detector.module,
        controlnet_input_images: [bytesToBase64(image)],
        controlnet_processor_res: res,
      }),
      signal,
    });
    const body = (await answer.json().catch(() => null)) as { poses?: unknown[] } | null;
    if (!answer.ok || !Array.isArray(body?.poses)) {
      console.warn(`A1111 could not estimate the pose (HTTP ${answer.status}, module ${detector.module}).`);
      return undefined;
    }
    // The picture as the preprocessor saw it, before padding (processor.py L40-43).
    const canvas = { width: Math.round(header.displayWidth * k), height: Math.round(header.displayHeight * k) };
    return detectedPose(body.poses[0], canvas);
  } catch (err) {
    console.warn(`A1111 could not estimate the pose: ${String((err as Error)?.message ?? err)}`);
    return undefined;
  }
}
