// Cloudflare Workers AI text-to-image through the AI binding (add `[ai] binding = "AI"` to
// wrangler.toml to enable it; it is not declared by default because `wrangler dev` would then
// need a Cloudflare login and network). FLUX.1 schnell answers {image: base64 JPEG}.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../shared/images/inspect-image";
import { optionalVar } from "../env";
import { base64ToBytes } from "./base64";
import { ProviderError, errorForThrown, type ProviderImage } from "./provider";
import { providerTimeoutMs } from "./settings";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "./text-to-image";

const NAME = "workers-ai";
export const WORKERS_AI_MODELS: Record<TextModel, string> = {
  flux: "@cf/black-forest-labs/flux-1-schnell",
  sdxl: "@cf/stabilityai/stable-diffusion-xl-base-1.0",
};

/** The part of the AI binding we use. */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/**
 * The binding throws Errors whose message starts with Workers AI's error code
 * ("3040: Capacity temporarily exceeded, please try again."); the code decides retrying.
 */
export function workersAiError(err: unknown): ProviderError {
  const message = String((err as Error)?.message ?? err);
  const code = Number(/^\s*(?:\w*Error:\s*)?(\d{4})\b/.exec(message)?.[1]);
  if ([3040, 3036, 3043].includes(code) || /capacity|rate limit|too many/i.test(message))
    return new ProviderError("rate_limited", message, NAME);
  if ([3007, 3008].includes(code) || /timed? ?out/i.test(message)) return new ProviderError("timeout", message, NAME);
  if ([5006, 5007, 3010].includes(code) || /invalid|validation|no such model/i.test(message))
    return new ProviderError("rejected", message, NAME);
  return errorForThrown(NAME, err);
}

export function workersAiTextToImage(env: Env): TextToImageProvider | null {
  const ai = (env as unknown as { AI?: AiBinding }).AI;
  if (!ai || typeof ai.run !== "function") return null;
  const models: Record<TextModel, string> = {
    flux: optionalVar(env, "WORKERS_AI_FLUX_MODEL") ?? WORKERS_AI_MODELS.flux,
    sdxl: optionalVar(env, "WORKERS_AI_SDXL_MODEL") ?? WORKERS_AI_MODELS.sdxl,
  };
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: NAME,
    label: "Cloudflare Workers AI",
    local: false,
    estimatedCost: (model) => (model === "flux" ? 0.0011 : 0.0015),
    async textToImage(req: TextToImageRequest): Promise<ProviderImage> {
      const model = models[req.model];
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      // FLUX schnell takes prompt, steps (≤ 8) and seed; SDXL also size and a negative prompt.
      const inputs =
        req.model === "flux"
          ? { prompt: req.prompt.slice(0, 2048), steps: 4, seed: req.seed }
          : {
              prompt: req.prompt,
              negative_prompt: req.negativePrompt,
              width: req.width,
              height: req.height,
              num_steps: 20,
              seed: req.seed,
            };
      let answer: unknown;
      try {
        answer = await Promise.race([
          ai.run(model, inputs, { signal }),
          new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
        ]);
      } catch (err) {
        throw workersAiError(err);
      }
      const bytes = await imageBytes(answer);
      const format = bytes && sniffImageFormat(bytes);
      if (!bytes || !format) throw new ProviderError("bad_response", "Workers AI answered without an image.", NAME);
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
    },
  };
}

/** {image: base64} (FLUX), raw bytes or a stream of PNG bytes (SDXL). */
async function imageBytes(answer: unknown): Promise<Uint8Array | null> {
  if (answer instanceof ReadableStream) return new Uint8Array(await new Response(answer).arrayBuffer());
  if (answer instanceof Uint8Array) return answer;
  if (answer instanceof ArrayBuffer) return new Uint8Array(answer);
  const image = (answer as { image?: unknown } | null)?.image;
  if (typeof image === "string") {
    try {
      return base64ToBytes(image);
    } catch {
      return null;
    }
  }
  return null;
}
