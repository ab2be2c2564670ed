// Workers AI text-to-image through the AI binding. FLUX.1 schnell answers {image: base64 JPEG};
// SDXL answers PNG bytes.
import type { ProviderImage } from "../provider";
import type { TextModel, TextToImageProvider, TextToImageRequest } from "../text-to-image";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { runWorkersAi } from "./call";
import type { WorkersAiSettings } from ".";

/** The text-to-image adapter, or null without the AI binding. */
export function workersAiTextToImage(
  s: WorkersAiSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<TextToImageProvider> | null {
  const ai = s.AI;
  if (!ai) return null;
  const models: Record<TextModel, string> = { flux: s.WORKERS_AI_FLUX_MODEL, sdxl: s.WORKERS_AI_SDXL_MODEL };
  return {
    local: false,
    async textToImage(req: TextToImageRequest): Promise<ProviderImage> {
      const model = models[req.model];
      // Each model's input schema as Workers AI publishes it (cloudflare/cloudflare-docs
      // src/content/workers-ai-models/*.json): FLUX schnell takes only prompt (≤ 2048 chars) and
      // steps (≤ 8), with additionalProperties false — no seed, no size (flux-1-schnell.json
      // @08f6e61); SDXL takes prompt, negative_prompt, width/height (256–2048), num_steps (≤ 20)
      // and seed, and answers PNG bytes (stable-diffusion-xl-base-1.0.json @0487047).
      const inputs =
        req.model === "flux"
          ? { prompt: req.prompt.slice(0, 2048), steps: 4 }
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
