// Hugging Face text-to-image for avatars: a dedicated Inference Endpoint (HF_TEXT_ENDPOINT_URL) or
// the serverless hf-inference router with SDXL_MODEL / FLUX_MODEL.
import { textToImage } from "@huggingface/inference";
import { isLocalUrl } from "../local-url";
import type { ProviderImage } from "../provider";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "../text-to-image";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import type { HuggingFaceSettings } from ".";

/** FLUX schnell is distilled for 1–4 steps; SDXL base wants 25–30. */
const STEPS: Record<TextModel, number> = { sdxl: 30, flux: 4 };

/** The text-to-image adapter, or null without HF_TOKEN. */
export function huggingFaceTextToImage(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<TextToImageProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpointUrl = s.HF_TEXT_ENDPOINT_URL;
  const models: Record<TextModel, string> = { sdxl: s.SDXL_MODEL, flux: s.FLUX_MODEL };
  return {
    local: !!endpointUrl && isLocalUrl(endpointUrl),
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
