// Hugging Face poses: a dedicated Inference Endpoint (HF_ENDPOINT_URL, the usual way to host a
// ControlNet pipeline with a custom handler) or the serverless hf-inference router with
// CONTROLNET_MODEL_SD / _HD. The skeleton goes as `inputs`; the avatar rides along as
// `parameters.reference_image` for handlers with an identity adapter. No starting picture: the
// image-to-image task takes one image, `inputs`, and no strength (@huggingface/tasks
// image-to-image spec/input.json), and here that image is the skeleton, so initImage is ignored.
import { imageToImage } from "@huggingface/inference";
import { bytesToBase64 } from "../base64";
import { isLocalUrl } from "../local-url";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { huggingFaceCall } from "./call";
import type { HuggingFaceSettings } from ".";

/** The pose adapter, or null without HF_TOKEN. */
export function huggingFacePose(
  s: HuggingFaceSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<PoseImageProvider> | null {
  const token = s.HF_TOKEN;
  if (!token) return null;
  const endpoint = { sd: s.HF_ENDPOINT_URL, hd: s.HF_ENDPOINT_URL_HD };
  const models = { sd: s.CONTROLNET_MODEL_SD, hd: s.CONTROLNET_MODEL_HD };
  return {
    local: [endpoint.sd, endpoint.hd].some((u) => u && isLocalUrl(u)),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const endpointUrl = endpoint[req.quality] ?? endpoint.sd;
      const model = models[req.quality];
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs);
      // A dedicated endpoint is addressed by URL alone (it runs whatever it hosts), so the URL is
      // what ran; the router runs the model named in the request.
      return call.image(endpointUrl ?? model, (options) =>
        imageToImage(
          {
            accessToken: token,
            ...(endpointUrl ? { endpointUrl } : { provider: "hf-inference" as const, model }),
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
