// Hugging Face person segmentation: a dedicated endpoint (HF_SEGMENTATION_ENDPOINT_URL) or the
// router with SEGMENTATION_MODEL (an RMBG-class background-removal model). The answer is a list of
// {label, score, mask: base64 PNG}; the person's (or the only foreground's) mask is used.
import { imageSegmentation } from "@huggingface/inference";
import { base64ToBytes } from "../base64";
import { isLocalUrl } from "../local-url";
import { ProviderError } from "../provider";
import type { SegmentationProvider, SegmentRequest } from "../segmentation";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import type { HuggingFaceSettings } from ".";

/** The segmentation adapter, or null without HF_TOKEN. */
export function huggingFaceSegmentation(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<SegmentationProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpointUrl = s.HF_SEGMENTATION_ENDPOINT_URL;
  const model = s.SEGMENTATION_MODEL;
  return {
    local: !!endpointUrl && isLocalUrl(endpointUrl),
    async segment(req: SegmentRequest) {
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs);
      const segments = await call.run((options) =>
        imageSegmentation(
          {
            accessToken: token,
            ...(endpointUrl ? { endpointUrl, model } : { provider: "hf-inference" as const, model }),
            inputs: new Blob([req.image], { type: "image/jpeg" }),
          },
          options,
        ),
      );
      const person =
        segments.find((s) => /person|human|foreground/i.test(s.label)) ??
        [...segments].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
      if (!person) throw new ProviderError("bad_response", "The segmentation found nobody.", "huggingface");
      try {
        return base64ToBytes(person.mask);
      } catch {
        throw new ProviderError("bad_response", "The segmentation mask is not base64.", "huggingface");
      }
    },
  };
}
