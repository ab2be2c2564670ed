// Workers AI inpainting (@cf/runwayml/stable-diffusion-v1-5-inpainting) through the AI binding:
// image and mask as byte arrays; the answer is PNG bytes.
import { optionalVar } from "../env";
import type { InpaintingProvider, InpaintRequest } from "./inpainting";
import { providerTimeoutMs } from "./settings";
import { aiBinding, runWorkersAi } from "./workers-ai-call";

export const WORKERS_AI_INPAINTING_MODEL = "@cf/runwayml/stable-diffusion-v1-5-inpainting";

export function workersAiInpainting(env: Env): InpaintingProvider | null {
  const ai = aiBinding(env);
  if (!ai) return null;
  const model = optionalVar(env, "WORKERS_AI_INPAINTING_MODEL") ?? WORKERS_AI_INPAINTING_MODEL;
  const timeoutMs = providerTimeoutMs(env);
  return {
    name: "workers-ai",
    label: "Cloudflare Workers AI",
    local: false,
    estimatedCost: () => 0.0015,
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
