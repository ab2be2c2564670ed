// Hugging Face inpainting: a dedicated endpoint (HF_INPAINTING_ENDPOINT_URL) or the router with
// INPAINTING_MODEL. The image goes as `inputs`, the mask as `parameters.mask_image` (base64 PNG),
// the convention of diffusers inpainting handlers.
import { imageToImage } from "@huggingface/inference";
import { bytesToBase64 } from "../base64";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import { isLocalUrl } from "../local-url";
import type { ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import type { HuggingFaceSettings } from ".";

/** The inpainting adapter, or null without HF_TOKEN. */
export function huggingFaceInpainting(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<InpaintingProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpointUrl = s.HF_INPAINTING_ENDPOINT_URL;
  const model = s.INPAINTING_MODEL;
  return {
    local: !!endpointUrl && isLocalUrl(endpointUrl),
    async inpaint(req: InpaintRequest): Promise<ProviderImage> {
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs);
      return call.image(model, (options) =>
        imageToImage(
          {
            accessToken: token,
            ...(endpointUrl ? { endpointUrl, model } : { provider: "hf-inference" as const, model }),
            inputs: new Blob([req.image], { type: "image/jpeg" }),
            parameters: {
              prompt: req.prompt,
              negative_prompt: req.negativePrompt,
              mask_image: bytesToBase64(req.mask),
              target_size: { width: req.width, height: req.height },
              strength: 0.99,
              guidance_scale: 7.5,
              num_inference_steps: 30,
              ...(req.seed !== undefined ? { seed: req.seed } : {}),
            } as Record<string, unknown>,
          },
          options,
        ),
      );
    },
  };
}
