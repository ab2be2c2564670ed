// Segmind inpainting (SEGMIND_INPAINTING_MODEL, default sd1.5-inpainting): image and mask as base64.
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import type { InpaintingProvider, InpaintRequest } from "./inpainting";
import { callSegmind, segmindAccount } from "./segmind-call";
import { isLocalUrl } from "./settings";

export function segmindInpainting(env: Env): InpaintingProvider | null {
  const account = segmindAccount(env);
  if (!account) return null;
  const model = optionalVar(env, "SEGMIND_INPAINTING_MODEL") ?? "sd1.5-inpainting";
  return {
    name: "segmind",
    label: "Segmind",
    local: isLocalUrl(account.baseUrl),
    estimatedCost: () => 0.004,
    inpaint: (req: InpaintRequest) =>
      callSegmind(
        account,
        model,
        {
          image: bytesToBase64(req.image),
          mask: bytesToBase64(req.mask),
          prompt: req.prompt,
          negative_prompt: req.negativePrompt,
          samples: 1,
          scheduler: "DDIM",
          num_inference_steps: 25,
          guidance_scale: 7.5,
          strength: 1,
          seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
          base64: false,
        },
        req,
      ),
  };
}
