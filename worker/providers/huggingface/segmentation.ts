// Hugging Face person segmentation. With HF_TOKEN alone: SEGMENTATION_MODEL (default
// briaai/RMBG-2.0) on fal-ai through the router (fal-ai/bria/background/remove, hub-docs
// docs/inference-providers/tasks/image-segmentation.md), which answers the person cut out: its
// alpha is the person, which the segmentation contract accepts. With
// HF_SEGMENTATION_ENDPOINT_URL: a dedicated endpoint running hf-endpoint/handler.py, answering
// [{label, score, mask: base64 PNG}] (the image-segmentation task's answer).
import { imageSegmentation } from "@huggingface/inference";
import { base64ToBytes } from "../base64";
import { isLocalUrl } from "../local-url";
import { ProviderError } from "../provider";
import type { SegmentationProvider, SegmentRequest } from "../segmentation";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import { dataUrl, routedCall, routedImage, routedProvider } from "./routed";
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
  const bases = { hub: s.HF_HUB_URL, router: s.HF_ROUTER_URL };
  return {
    local: isLocalUrl(endpointUrl ?? s.HF_ROUTER_URL),
    async segment(req: SegmentRequest) {
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases);
      if (!endpointUrl) {
        const provider = routedProvider(s.HF_SEGMENTATION_PROVIDER, ["fal-ai"], "HF_SEGMENTATION_PROVIDER");
        // fal's BGRemoveInput is {image_url, sync_mode} (fal-js endpoints.ts:4092-4101); the library adds sync_mode.
        const answer = await routedCall(call, s, {
          provider,
          task: "image-segmentation",
          model,
          args: { image_url: dataUrl(req.image, "image/jpeg") },
        });
        return (await routedImage(call, answer, model)).bytes;
      }
      const segments = await call.run((options) =>
        imageSegmentation(
          { accessToken: token, endpointUrl, model, inputs: new Blob([req.image], { type: "image/jpeg" }) },
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
