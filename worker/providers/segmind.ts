// Segmind's serverless API as a fallback: POST {SEGMIND_URL}/{model} with x-api-key and a JSON
// body (the skeleton as base64 `image`); the answer is the image itself.
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

const NAME = "segmind";

export function segmindProvider(env: Env): PoseImageProvider | null {
  const key = optionalVar(env, "SEGMIND_API_KEY");
  if (!key) return null;
  const baseUrl = (optionalVar(env, "SEGMIND_URL") ?? "https://api.segmind.com/v1").replace(/\/+$/, "");
  const models = {
    sd: optionalVar(env, "SEGMIND_MODEL_SD") ?? "sd1.5-openpose",
    hd: optionalVar(env, "SEGMIND_MODEL_HD") ?? "sdxl-openpose",
  };
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: NAME,
    label: "Segmind",
    local: isLocalUrl(baseUrl),
    estimatedCost: (quality) => (quality === "hd" ? 0.01 : 0.004),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const model = models[req.quality];
      const signal = req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/${model}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-api-key": key,
            ...(req.traceId ? { "x-request-id": req.traceId } : {}),
          },
          body: JSON.stringify({
            image: bytesToBase64(req.controlImage),
            prompt: req.prompt,
            negative_prompt: req.negativePrompt,
            width: req.width,
            height: req.height,
            samples: 1,
            num_inference_steps: req.quality === "hd" ? 30 : 20,
            guidance_scale: 7.5,
            seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
            base64: false,
          }),
          signal,
        });
      } catch (err) {
        throw errorForThrown(NAME, err);
      }
      if (!res.ok) {
        const detail = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
        throw errorForStatus(
          NAME,
          res.status,
          detail?.error ?? detail?.message ?? `HTTP ${res.status}`,
          retryHint(detail, res.headers.get("retry-after")),
        );
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      const format = sniffImageFormat(bytes);
      if (!format) throw new ProviderError("bad_response", "Segmind answered without an image.", NAME);
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
    },
  };
}
