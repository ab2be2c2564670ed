// Hugging Face text-to-image for avatars. With HF_TOKEN alone: SDXL_MODEL on HF_SDXL_PROVIDER
// (default stabilityai/stable-diffusion-xl-base-1.0 on hf-inference) and FLUX_MODEL on
// HF_FLUX_PROVIDER (default black-forest-labs/FLUX.1-schnell on fal-ai), the pairs hub-docs lists
// (docs/inference-providers/tasks/text-to-image.md; providers/fal-ai.md). With
// HF_TEXT_ENDPOINT_URL: a dedicated endpoint running hf-endpoint/handler.py.
import { textToImage } from "@huggingface/inference";
import { isLocalUrl } from "../local-url";
import type { ProviderImage } from "../provider";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "../text-to-image";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import { routedCall, routedImage, routedProvider, type RoutedProvider } from "./routed";
import type { HuggingFaceSettings } from ".";

/** FLUX schnell is distilled for 1–4 steps; SDXL base wants 25–30. */
const STEPS: Record<TextModel, number> = { sdxl: 30, flux: 4 };

/** The request body each provider's text-to-image takes. */
function textArgs(provider: RoutedProvider, req: TextToImageRequest) {
  if (provider === "fal-ai") {
    // fal's FLUX inputs: prompt, image_size {width, height}, num_inference_steps, seed, num_images
    // (fal-js endpoints.ts, FluxSchnellInput); the library puts `inputs` in `prompt` (HFI providers/fal-ai.js:156-174).
    return {
      inputs: req.prompt,
      parameters: {
        image_size: { width: req.width, height: req.height },
        num_inference_steps: STEPS[req.model],
        num_images: 1,
        seed: req.seed,
      },
    };
  }
  // The text-to-image task's fields (hub-docs docs/inference-providers/tasks/text-to-image.md).
  return {
    inputs: req.prompt,
    parameters: {
      negative_prompt: req.negativePrompt,
      width: req.width,
      height: req.height,
      num_inference_steps: STEPS[req.model],
      guidance_scale: req.model === "flux" ? 0 : 7,
      seed: req.seed,
    },
  };
}

/** The text-to-image adapter, or null without HF_TOKEN. */
export function huggingFaceTextToImage(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<TextToImageProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpointUrl = s.HF_TEXT_ENDPOINT_URL;
  const models: Record<TextModel, string> = { sdxl: s.SDXL_MODEL, flux: s.FLUX_MODEL };
  const providers: Record<TextModel, { value: string; setting: string }> = {
    sdxl: { value: s.HF_SDXL_PROVIDER, setting: "HF_SDXL_PROVIDER" },
    flux: { value: s.HF_FLUX_PROVIDER, setting: "HF_FLUX_PROVIDER" },
  };
  const bases = { hub: s.HF_HUB_URL, router: s.HF_ROUTER_URL };
  return {
    local: isLocalUrl(endpointUrl ?? s.HF_ROUTER_URL),
    async textToImage(req: TextToImageRequest): Promise<ProviderImage> {
      const model = models[req.model];
      if (!endpointUrl) {
        const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases);
        const provider = routedProvider(
          providers[req.model].value,
          ["fal-ai", "hf-inference"],
          providers[req.model].setting,
        );
        const args = textArgs(provider, req);
        const answer = await routedCall(call, s, { provider, task: "text-to-image", model, args });
        return routedImage(call, answer, model);
      }
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases, "image/png");
      return call.image(model, (options) =>
        textToImage(
          { accessToken: token, endpointUrl, model, ...textArgs("hf-inference", req) },
          { ...options, outputType: "blob" },
        ),
      );
    },
  };
}
