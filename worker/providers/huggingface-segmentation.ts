// Hugging Face person segmentation: a dedicated endpoint (HF_SEGMENTATION_ENDPOINT_URL) or the
// router with SEGMENTATION_MODEL (an RMBG-class background-removal model). The answer is a list of
// {label, score, mask: base64 PNG}; the person's (or the only foreground's) mask is used.
import { imageSegmentation } from "@huggingface/inference";
import { optionalVar } from "../env";
import { base64ToBytes } from "./base64";
import { huggingFaceCall } from "./huggingface-call";
import { ProviderError } from "./provider";
import type { SegmentationProvider, SegmentRequest } from "./segmentation";
import { isLocalUrl, providerTimeoutMs } from "./settings";

export const DEFAULT_SEGMENTATION_MODEL = "briaai/RMBG-1.4";

export function huggingFaceSegmentation(env: Env): SegmentationProvider | null {
  const token = optionalVar(env, "HF_TOKEN");
  if (!token) return null;
  const endpointUrl = optionalVar(env, "HF_SEGMENTATION_ENDPOINT_URL");
  const model = optionalVar(env, "SEGMENTATION_MODEL") ?? DEFAULT_SEGMENTATION_MODEL;
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: "huggingface",
    label: "Hugging Face",
    local: !!endpointUrl && isLocalUrl(endpointUrl),
    estimatedCost: () => 0.001,
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
