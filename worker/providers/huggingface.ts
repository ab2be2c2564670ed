// Hugging Face through @huggingface/inference: a dedicated Inference Endpoint (HF_ENDPOINT_URL,
// the usual way to host a ControlNet pipeline with a custom handler) or the serverless
// hf-inference router with CONTROLNET_MODEL_SD / _HD. The skeleton goes as `inputs`; the avatar
// rides along as `parameters.reference_image` for handlers with an identity adapter.
import {
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
  imageToImage,
} from "@huggingface/inference";
import { sniffImageFormat, IMAGE_CONTENT_TYPES } from "../../shared/images/inspect-image";
import { optionalVar } from "../env";
import { base64ToBytes, bytesToBase64 } from "./base64";
import {
  ProviderError,
  errorForStatus,
  errorForThrown,
  retryHint,
  type PoseImageProvider,
  type PoseImageRequest,
  type ProviderImage,
} from "./provider";
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
  return {
    name: NAME,
    label: "Hugging Face",
    local: [endpoint.sd, endpoint.hd].some((u) => u && isLocalUrl(u)),
    estimatedCost: (quality) => (quality === "hd" ? 0.006 : 0.002),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const endpointUrl = endpoint[req.quality] ?? endpoint.sd;
      const model = models[req.quality];
      let retryAfter: string | null = null;
      // The client reports status and body but not headers; Retry-After is read here.
      const fetchRecordingHeaders: typeof fetch = async (input, init) => {
        const headers = new Headers(init?.headers);
        if (req.traceId) headers.set("x-request-id", req.traceId);
        const res = await fetch(input, { ...init, headers });
        retryAfter = res.headers.get("retry-after");
        return res;
      };
      const signal = req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      let blob: Blob;
      try {
        blob = await imageToImage(
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
              reference_image: bytesToBase64(req.avatarImage),
            } as Record<string, unknown>,
          },
          { retry_on_error: false, signal, fetch: fetchRecordingHeaders },
        );
      } catch (err) {
        throw toProviderError(err, retryAfter);
      }
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const format = sniffImageFormat(bytes);
      if (!format) throw new ProviderError("bad_response", "The provider answered without an image.", NAME);
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
    },
  };
}

function toProviderError(err: unknown, retryAfterHeader: string | null): ProviderError {
  if (err instanceof InferenceClientProviderApiError) {
    const { status, body } = err.httpResponse as { status: number; body: unknown };
    const detail = body as { error?: string; estimated_time?: number } | string | undefined;
    const message = typeof detail === "object" && detail?.error ? detail.error : err.message;
    return errorForStatus(NAME, status, message, retryHint(detail, retryAfterHeader));
  }
  if (err instanceof InferenceClientProviderOutputError) {
    return new ProviderError("bad_response", "The provider answered without an image.", NAME);
  }
  return errorForThrown(NAME, err);
}
