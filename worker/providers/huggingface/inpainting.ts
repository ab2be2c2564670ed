// Hugging Face inpainting (hijab, outfit, theme clothing). With HF_TOKEN alone no router task
// takes a mask (the image-to-image task's fields: hub-docs
// docs/inference-providers/tasks/image-to-image.md), so INPAINTING_MODEL (default
// Qwen/Qwen-Image-Edit on fal-ai: hub-docs docs/inference-providers/guides/image-editor.md) edits
// the picture by instruction (fal's QwenImageEditInput: prompt, image_url, …; fal-js
// libs/client/src/types/endpoints.ts) and the edit is kept only inside our mask (blend-by-mask.ts).
// With HF_INPAINTING_ENDPOINT_URL: a dedicated endpoint running hf-endpoint/handler.py, sent the
// mask as `parameters.mask_image` (base64 PNG).
import { imageToImage } from "@huggingface/inference";
import { blendByMask } from "../../images/blend-by-mask";
import { bytesToBase64 } from "../base64";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import { isLocalUrl } from "../local-url";
import type { ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import { dataUrl, routedEdit } from "./routed";
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
  const bases = { hub: s.HF_HUB_URL, router: s.HF_ROUTER_URL };
  return {
    local: isLocalUrl(endpointUrl ?? s.HF_ROUTER_URL),
    async inpaint(req: InpaintRequest): Promise<ProviderImage> {
      if (!endpointUrl) {
        const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases);
        const edit = await routedEdit(call, s, {
          model,
          provider: { value: s.HF_INPAINTING_PROVIDER, setting: "HF_INPAINTING_PROVIDER" },
          args: {
            prompt: `Change only this, keep everything else as it is: ${req.prompt}`,
            negative_prompt: req.negativePrompt,
            image_url: dataUrl(req.image, "image/jpeg"),
            image_size: { width: req.width, height: req.height },
            num_images: 1,
            output_format: "png",
            ...(req.seed !== undefined ? { seed: req.seed } : {}),
          },
        });
        return { bytes: blendByMask(req.image, edit.bytes, req.mask), contentType: "image/png", model };
      }
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases, "image/png");
      return call.image(model, (options) =>
        imageToImage(
          {
            accessToken: token,
            endpointUrl,
            model,
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
