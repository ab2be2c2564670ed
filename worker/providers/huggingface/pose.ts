// Hugging Face poses. With HF_TOKEN alone: an editing model (HF_POSE_MODEL, default
// Qwen/Qwen-Image-Edit-2509) on fal-ai through the router, given two images — the avatar (who)
// and the skeleton (the pose, drawn on the avatar's own proportions when it has a rig) — so the
// model keeps the person's identity from their own photo. The library's fal helper sends one
// image, so the request is fal's own `image_urls` list (QwenImageEdit2509Input, fal-js
// libs/client/src/types/endpoints.ts:48423-48481), as data URLs (routed.ts `dataUrl`).
// With HF_ENDPOINT_URL: a dedicated endpoint running hf-endpoint/handler.py (its contract in
// hf-endpoint/README.md): the skeleton as `inputs`, the avatar as `parameters.reference_image`.
import { imageToImage } from "@huggingface/inference";
import { bytesToBase64 } from "../base64";
import { isLocalUrl } from "../local-url";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import { dataUrl, routedEdit } from "./routed";
import type { HuggingFaceSettings } from ".";

/** The instruction in front of the pose's own prompt: which image gives what. */
export const POSE_INSTRUCTION =
  "The person in image 1 standing in exactly the pose of the skeleton in image 2; keep their face, hair, body and clothes.";

/** The pose adapter, or null without HF_TOKEN. */
export function huggingFacePose(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<PoseImageProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpoint = { sd: s.HF_ENDPOINT_URL, hd: s.HF_ENDPOINT_URL_HD };
  const bases = { hub: s.HF_HUB_URL, router: s.HF_ROUTER_URL };
  return {
    local: [endpoint.sd, endpoint.hd, endpoint.sd ? undefined : s.HF_ROUTER_URL].some((u) => u && isLocalUrl(u)),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const endpointUrl = endpoint[req.quality] ?? endpoint.sd;
      if (!endpointUrl) {
        const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases);
        return routedEdit(call, s, {
          model: s.HF_POSE_MODEL,
          provider: { value: s.HF_POSE_PROVIDER, setting: "HF_POSE_PROVIDER" },
          args: {
            prompt: `${POSE_INSTRUCTION} ${req.prompt}`,
            negative_prompt: req.negativePrompt,
            image_urls: [dataUrl(req.avatarImage, req.avatarContentType), dataUrl(req.controlImage, "image/png")],
            image_size: { width: req.width, height: req.height },
            num_inference_steps: req.quality === "hd" ? 50 : 30,
            guidance_scale: 4,
            num_images: 1,
            output_format: "png",
            ...(req.seed !== undefined ? { seed: req.seed } : {}),
          },
        });
      }
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs, bases, "image/png");
      // A dedicated endpoint runs whatever it hosts, so its URL is what ran.
      return call.image(endpointUrl, (options) =>
        imageToImage(
          {
            accessToken: token,
            endpointUrl,
            inputs: new Blob([req.controlImage], { type: "image/png" }),
            parameters: {
              prompt: req.prompt,
              negative_prompt: req.negativePrompt,
              target_size: { width: req.width, height: req.height },
              guidance_scale: 7.5,
              num_inference_steps: req.quality === "hd" ? 30 : 20,
              ...(req.seed !== undefined ? { seed: req.seed } : {}),
              ...(s.HF_IDENTITY_REFERENCE ? { reference_image: bytesToBase64(req.avatarImage) } : {}),
            } as Record<string, unknown>,
          },
          options,
        ),
      );
    },
  };
}
