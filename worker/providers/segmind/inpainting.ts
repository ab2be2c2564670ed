// Segmind inpainting (SEGMIND_INPAINTING_MODEL, default sd1.5-inpainting): image and mask as base64.
import { bytesToBase64 } from "../base64";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { callSegmind, segmindAccount } from "./call";
import type { SegmindSettings } from ".";

/** The inpainting adapter, or null without SEGMIND_API_KEY. */
export function segmindInpainting(
  s: SegmindSettings,
  common: CommonProviderSettings,
): Adapter<InpaintingProvider> | null {
  const account = segmindAccount(s, common);
  if (!account) return null;
  const model = s.SEGMIND_INPAINTING_MODEL;
  return {
    local: account.local,
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
