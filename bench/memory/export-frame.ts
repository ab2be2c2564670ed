// The marketplace export's pixel work at HD, the same calls as worker/exports/frame-result.ts
// (which reads R2 and D1 around them): the person's mask decoded first, then the result, framed
// 1:1 padded (the largest canvas) and encoded again.
import { alphaMask } from "../../shared/background/person-mask";
import { framePixels } from "../../shared/export/frame-pixels";
import { marketplaceFrame } from "../../shared/export/marketplace-frame";
import { personBox } from "../../shared/export/person-box";
import { decodeRgba, encodeJpeg, encodePng } from "../../worker/images/rgba";

/** Frames `result` (JPEG, or a PNG cut-out when `instant` is null) as the Worker does. */
export function exportFrame(result: Uint8Array, instant: Uint8Array | null): Uint8Array {
  const mask = instant ? alphaMask(decodeRgba(instant)) : null;
  const image = decodeRgba(result);
  const person = mask ?? alphaMask(image);
  const frame = marketplaceFrame(image, personBox(person), "1:1", "pad");
  const framed = framePixels(image, frame, person, !instant);
  return instant ? encodeJpeg(framed) : encodePng(framed);
}
