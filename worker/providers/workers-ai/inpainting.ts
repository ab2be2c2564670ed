// Workers AI inpainting (@cf/runwayml/stable-diffusion-v1-5-inpainting) through the AI binding:
// image and mask as byte arrays; the answer is PNG bytes.
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { runWorkersAi } from "./call";
import type { WorkersAiSettings } from ".";

/** The inpainting adapter, or null without the AI binding. */
export function workersAiInpainting(
  s: WorkersAiSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<InpaintingProvider> | null {
  const ai = s.AI;
  if (!ai) return null;
  const model = s.WORKERS_AI_INPAINTING_MODEL;
  return {
    local: false,
    inpaint: (req: InpaintRequest) =>
      runWorkersAi(
        ai,
        model,
        {
          prompt: req.prompt,
          negative_prompt: req.negativePrompt,
          image: [...req.image],
          mask: [...req.mask],
          width: req.width,
          height: req.height,
          num_steps: 20,
          strength: 1,
          guidance: 7.5,
          ...(req.seed !== undefined ? { seed: req.seed } : {}),
        },
        { timeoutMs, signal: req.signal },
      ),
  };
}
