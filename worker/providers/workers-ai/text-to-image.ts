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
