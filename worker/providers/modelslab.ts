// ModelsLab as a fallback: POST {MODELSLAB_URL}/api/v5/controlnet with the skeleton as a base64
// control image. The answer is `success` with output URLs, or `processing` with an `eta` and a
// `fetch_result` URL to poll; errors often come as HTTP 200 with `status: "error"`.
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

const NAME = "modelslab";

interface Answer {
  status?: string;
  output?: unknown[];
  fetch_result?: string;
  eta?: number;
  message?: string;
  messege?: string;
}

export function modelsLabProvider(env: Env): PoseImageProvider | null {
  const key = optionalVar(env, "MODELSLAB_API_KEY");
  if (!key) return null;
  const baseUrl = (optionalVar(env, "MODELSLAB_URL") ?? "https://modelslab.com").replace(/\/+$/, "");
  const modelId = optionalVar(env, "MODELSLAB_MODEL_ID") ?? "realistic-vision-v51";
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: NAME,
    label: "ModelsLab",
    local: isLocalUrl(baseUrl),
    estimatedCost: (quality) => (quality === "hd" ? 0.006 : 0.003),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const deadline = Date.now() + timeoutMs;
      const signal = req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      const headers = { "content-type": "application/json", ...(req.traceId ? { "x-request-id": req.traceId } : {}) };
      const call = async (url: string, body: unknown): Promise<Answer> => {
        let res: Response;
        try {
          res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
        } catch (err) {
          throw errorForThrown(NAME, err);
        }
        const answer = (await res.json().catch(() => null)) as Answer | null;
        if (!res.ok) {
          throw errorForStatus(
            NAME,
            res.status,
            answer?.message ?? `HTTP ${res.status}`,
            retryHint(answer, res.headers.get("retry-after")),
          );
        }
        if (!answer) throw new ProviderError("bad_response", "ModelsLab answered without JSON.", NAME);
        if (answer.status === "error" || answer.status === "failed") {
          throw new ProviderError(
            "rejected",
            answer.message ?? answer.messege ?? "ModelsLab refused the request.",
            NAME,
          );
        }
        return answer;
      };
      let answer = await call(`${baseUrl}/api/v5/controlnet`, {
        key,
        model_id: modelId,
        controlnet_model: "openpose",
        controlnet_type: "openpose",
        auto_hint: "no",
        guess_mode: "no",
        init_image: bytesToBase64(req.controlImage),
        base64: "yes",
        prompt: req.prompt,
        negative_prompt: req.negativePrompt,
        width: String(req.width),
        height: String(req.height),
        samples: "1",
        num_inference_steps: req.quality === "hd" ? "30" : "20",
        guidance_scale: 7.5,
        seed: req.seed ?? null,
        safety_checker: "no",
      });
      // Still rendering: wait its estimate, then ask again, until the timeout.
      while (answer.status === "processing") {
        const waitMs = Math.min(Math.max((answer.eta ?? 2) * 1000, 200), 10_000);
        if (!answer.fetch_result)
          throw new ProviderError("bad_response", "ModelsLab gave no address to fetch the result.", NAME);
        if (Date.now() + waitMs > deadline) {
          throw new ProviderError("loading", "ModelsLab is still rendering.", NAME, (answer.eta ?? 2) * 1000);
        }
        await new Promise((r) => setTimeout(r, waitMs));
        answer = await call(answer.fetch_result, { key });
      }
      const url = answer.output?.[0];
      if (typeof url !== "string")
        throw new ProviderError("bad_response", "ModelsLab answered without an image.", NAME);
      let bytes: Uint8Array;
      try {
        const res = await fetch(url, { signal });
        if (!res.ok) throw errorForStatus(NAME, res.status, `Could not download the image (HTTP ${res.status}).`);
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (err) {
        throw errorForThrown(NAME, err);
      }
      // With base64 "yes" the output file holds the image as base64 text.
      if (!sniffImageFormat(bytes)) {
        try {
          bytes = Uint8Array.from(
            atob(
              new TextDecoder()
                .decode(bytes)
                .trim()
                .replace(/^data:image\/\w+;base64,/, ""),
            ),
            (c) => c.charCodeAt(0),
          );
        } catch {
          throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
        }
      }
      const format = sniffImageFormat(bytes);
      if (!format) throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model: modelId };
    },
  };
}
