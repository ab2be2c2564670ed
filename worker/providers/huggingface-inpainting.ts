// Hugging Face inpainting: a dedicated endpoint (HF_INPAINTING_ENDPOINT_URL) or the router with
// INPAINTING_MODEL. The image goes as `inputs`, the mask as `parameters.mask_image` (base64 PNG),
// the convention of diffusers inpainting handlers.
import { imageToImage } from "@huggingface/inference";
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import { huggingFaceCall } from "./huggingface-call";
import type { InpaintingProvider, InpaintRequest } from "./inpainting";
import type { ProviderImage } from "./provider";
import { isLocalUrl, providerTimeoutMs } from "./settings";

export const DEFAULT_INPAINTING_MODEL = "diffusers/stable-diffusion-xl-1.0-inpainting-0.1";

export function huggingFaceInpainting(env: Env): InpaintingProvider | null {
  const token = optionalVar(env, "HF_TOKEN");
  if (!token) return null;
  const endpointUrl = optionalVar(env, "HF_INPAINTING_ENDPOINT_URL");
  const model = optionalVar(env, "INPAINTING_MODEL") ?? DEFAULT_INPAINTING_MODEL;
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: "huggingface",
    label: "Hugging Face",
    local: !!endpointUrl && isLocalUrl(endpointUrl),
    estimatedCost: () => 0.004,
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
