// A template's card preview: the library's shaded mannequin drawn by the instant engine into the
// template's pose (a stick figure when the engine cannot draw it), rendered on first request and
// kept in R2. A kept object names the renderer that made it, so a change of look re-renders.
import { MANNEQUIN_SIZE, mannequinPose, mannequinRig, PREVIEW_SIZE } from "../../shared/mannequin/mannequin-rig";
import type { Pose } from "../../shared/pose/model";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import { encodePng } from "../images/rgba";
import { drawMadeRig, type MadeRig } from "../providers/instant/draw";
import { inTurn } from "../runtime/cpu-turns";

/** Stored with each preview; a kept preview made by another renderer is made again. */
export const PREVIEW_RENDERER = "mannequin-1";

const MANNEQUIN: MadeRig = {
  key: `${PREVIEW_RENDERER}:${MANNEQUIN_SIZE.width}x${MANNEQUIN_SIZE.height}`,
  pose: mannequinPose(),
  make: mannequinRig,
};

/** The preview PNG of `pose`: the mannequin in it, or the stick figure when the engine refuses. */
export function renderPosePreview(pose: Pose): Uint8Array {
  try {
    return encodePng(drawMadeRig(MANNEQUIN, pose, PREVIEW_SIZE).image);
  } catch (err) {
    console.warn("mannequin preview failed, drawing the skeleton", err);
    return renderSkeletonPng(pose, PREVIEW_SIZE);
  }
}

/** The kept preview under `key`, made now (and kept) when missing or made by an older renderer. */
export async function keptPosePreview(bucket: R2Bucket, key: string, pose: () => Pose): Promise<ArrayBuffer> {
  const kept = await bucket.get(key);
  if (kept && kept.customMetadata?.renderer === PREVIEW_RENDERER) return kept.arrayBuffer();
  // Drawn in a CPU turn: a library's first view asks for dozens at once, and requests (the list,
  // a sign-in) must get in between them (worker/runtime/cpu-turns.ts).
  const bytes = await inTurn(() => renderPosePreview(pose()));
  await bucket.put(key, bytes, {
    httpMetadata: { contentType: "image/png" },
    customMetadata: { renderer: PREVIEW_RENDERER },
  });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
