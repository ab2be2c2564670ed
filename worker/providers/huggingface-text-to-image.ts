// Hugging Face text-to-image for avatars: a dedicated Inference Endpoint (HF_TEXT_ENDPOINT_URL) or
// the serverless hf-inference router with SDXL_MODEL / FLUX_MODEL.
import { textToImage } from "@huggingface/inference";
import { optionalVar } from "../env";
import { huggingFaceCall } from "./huggingface-call";
import type { ProviderImage } from "./provider";
import { isLocalUrl, providerTimeoutMs } from "./settings";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "./text-to-image";

export const DEFAULT_TEXT_MODELS: Record<TextModel, string> = {
  sdxl: "stabilityai/stable-diffusion-xl-base-1.0",
  flux: "black-forest-labs/FLUX.1-schnell",
};
/** FLUX schnell is distilled for 1–4 steps; SDXL base wants 25–30. */
const STEPS: Record<TextModel, number> = { sdxl: 30, flux: 4 };

export function huggingFaceTextToImage(env: Env): TextToImageProvider | null {
  const token = optionalVar(env, "HF_TOKEN");
  if (!token) return null;
  const endpointUrl = optionalVar(env, "HF_TEXT_ENDPOINT_URL");
  const models: Record<TextModel, string> = {
    sdxl: optionalVar(env, "SDXL_MODEL") ?? DEFAULT_TEXT_MODELS.sdxl,
    flux: optionalVar(env, "FLUX_MODEL") ?? DEFAULT_TEXT_MODELS.flux,
  };
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: "huggingface",
    label: "Hugging Face",
    local: !!endpointUrl && isLocalUrl(endpointUrl),
    estimatedCost: (model) => (model === "sdxl" ? 0.004 : 0.003),
    async textToImage(req: TextToImageRequest): Promise<ProviderImage> {
      const model = models[req.model];
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs);
      return call.image(model, (options) =>
        textToImage(
          {
            accessToken: token,
            ...(endpointUrl ? { endpointUrl, model } : { provider: "hf-inference" as const, model }),
            inputs: req.prompt,
            parameters: {
              negative_prompt: req.negativePrompt,
              width: req.width,
              height: req.height,
              num_inference_steps: STEPS[req.model],
              guidance_scale: req.model === "flux" ? 0 : 7,
              seed: req.seed,
            },
          },
          { ...options, outputType: "blob" },
        ),
      );
    },
  };
}
