// Workers AI inpainting (@cf/runwayml/stable-diffusion-v1-5-inpainting) through the AI binding:
// image and mask as byte arrays; the answer is PNG bytes. Fields as its published schema names them
// (cloudflare/cloudflare-docs src/content/workers-ai-models/stable-diffusion-v1-5-inpainting.json
// @17331b8): prompt, negative_prompt, width/height 256–2048, image and mask as arrays of 0–255,
// num_steps ≤ 20, strength, guidance, seed.
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
