// Hugging Face through @huggingface/inference: a dedicated Inference Endpoint (HF_ENDPOINT_URL,
// the usual way to host a ControlNet pipeline with a custom handler) or the serverless
// hf-inference router with CONTROLNET_MODEL_SD / _HD. The skeleton goes as `inputs`; the avatar
// rides along as `parameters.reference_image` for handlers with an identity adapter.
import { imageToImage } from "@huggingface/inference";
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import { huggingFaceCall } from "./huggingface-call";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "./provider";
import { isLocalUrl, providerTimeoutMs } from "./settings";

const NAME = "huggingface";
export const DEFAULT_MODELS = {
  sd: "lllyasviel/control_v11p_sd15_openpose",
  hd: "thibaud/controlnet-openpose-sdxl-1.0",
};

export function huggingFaceProvider(env: Env): PoseImageProvider | null {
  const token = optionalVar(env, "HF_TOKEN");
  if (!token) return null;
  const endpoint = { sd: optionalVar(env, "HF_ENDPOINT_URL"), hd: optionalVar(env, "HF_ENDPOINT_URL_HD") };
  const models = {
    sd: optionalVar(env, "CONTROLNET_MODEL_SD") ?? DEFAULT_MODELS.sd,
    hd: optionalVar(env, "CONTROLNET_MODEL_HD") ?? DEFAULT_MODELS.hd,
  };
  const timeoutMs = providerTimeoutMs(env);
  // Endpoints with an identity adapter (IP-Adapter FaceID, InstantID) read the avatar from
  // `reference_image`; HF_IDENTITY_REFERENCE=false leaves it out for handlers that reject it.
  const sendReference = optionalVar(env, "HF_IDENTITY_REFERENCE") !== "false";
  return {
    name: NAME,
    label: "Hugging Face",
    local: [endpoint.sd, endpoint.hd].some((u) => u && isLocalUrl(u)),
    estimatedCost: (quality) => (quality === "hd" ? 0.006 : 0.002),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const endpointUrl = endpoint[req.quality] ?? endpoint.sd;
      const model = models[req.quality];
      const call = huggingFaceCall(req.traceId, req.signal, timeoutMs);
      return call.image(model, (options) =>
        imageToImage(
          {
            accessToken: token,
            // A dedicated endpoint is addressed by URL alone; the router needs provider + model.
            ...(endpointUrl ? { endpointUrl } : { provider: "hf-inference" as const, model }),
            inputs: new Blob([req.controlImage], { type: "image/png" }),
            parameters: {
              prompt: req.prompt,
              negative_prompt: req.negativePrompt,
              target_size: { width: req.width, height: req.height },
              guidance_scale: 7.5,
              num_inference_steps: req.quality === "hd" ? 30 : 20,
              ...(req.seed !== undefined ? { seed: req.seed } : {}),
              ...(sendReference ? { reference_image: bytesToBase64(req.avatarImage) } : {}),
            } as Record<string, unknown>,
          },
          options,
        ),
      );
    },
  };
}
