// Cloudflare Workers AI text-to-image through the AI binding (add `[ai] binding = "AI"` to
// wrangler.toml to enable it; it is not declared by default because `wrangler dev` would then
// need a Cloudflare login and network). FLUX.1 schnell answers {image: base64 JPEG}.
import { optionalVar } from "../env";
import type { ProviderImage } from "./provider";
import { providerTimeoutMs } from "./settings";
import { aiBinding, runWorkersAi } from "./workers-ai-call";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "./text-to-image";

export const WORKERS_AI_MODELS: Record<TextModel, string> = {
  flux: "@cf/black-forest-labs/flux-1-schnell",
  sdxl: "@cf/stabilityai/stable-diffusion-xl-base-1.0",
};

export function workersAiTextToImage(env: Env): TextToImageProvider | null {
  const ai = aiBinding(env);
  if (!ai) return null;
  const models: Record<TextModel, string> = {
    flux: optionalVar(env, "WORKERS_AI_FLUX_MODEL") ?? WORKERS_AI_MODELS.flux,
    sdxl: optionalVar(env, "WORKERS_AI_SDXL_MODEL") ?? WORKERS_AI_MODELS.sdxl,
  };
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: "workers-ai",
    label: "Cloudflare Workers AI",
    local: false,
    estimatedCost: (model) => (model === "flux" ? 0.0011 : 0.0015),
    async textToImage(req: TextToImageRequest): Promise<ProviderImage> {
      const model = models[req.model];
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
      return runWorkersAi(ai, model, inputs, { timeoutMs, signal: req.signal });
    },
  };
}
