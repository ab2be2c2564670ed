// Segmind background removal (SEGMIND_SEGMENTATION_MODEL, default bg-removal-v2): the image in,
// the person cut out on transparency out; its alpha channel is the mask.
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import { callSegmind, segmindAccount } from "./segmind-call";
import type { SegmentationProvider, SegmentRequest } from "./segmentation";
import { isLocalUrl } from "./settings";

export function segmindSegmentation(env: Env): SegmentationProvider | null {
  const account = segmindAccount(env);
  if (!account) return null;
  const model = optionalVar(env, "SEGMIND_SEGMENTATION_MODEL") ?? "bg-removal-v2";
  return {
    name: "segmind",
    label: "Segmind",
    local: isLocalUrl(account.baseUrl),
    estimatedCost: () => 0.002,
    async segment(req: SegmentRequest) {
      const image = await callSegmind(account, model, { image: bytesToBase64(req.image), base64: false }, req);
      return image.bytes;
    },
  };
}
