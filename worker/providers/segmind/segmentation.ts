// Segmind background removal (SEGMIND_SEGMENTATION_MODEL, default bg-removal-v2): the image in,
// the person cut out on transparency out; its alpha channel is the mask.
import { bytesToBase64 } from "../base64";
import type { SegmentationProvider, SegmentRequest } from "../segmentation";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { callSegmind, segmindAccount } from "./call";
import type { SegmindSettings } from ".";

/** The segmentation adapter, or null without SEGMIND_API_KEY. */
export function segmindSegmentation(
  s: SegmindSettings,
  common: CommonProviderSettings,
): Adapter<SegmentationProvider> | null {
  const account = segmindAccount(s, common);
  if (!account) return null;
  const model = s.SEGMIND_SEGMENTATION_MODEL;
  return {
    local: account.local,
    async segment(req: SegmentRequest) {
      const image = await callSegmind(account, model, { image: bytesToBase64(req.image), base64: false }, req);
      return image.bytes;
    },
  };
}
