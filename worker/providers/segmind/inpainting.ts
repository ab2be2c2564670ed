// Segmind inpainting (SEGMIND_INPAINTING_MODEL, default sd1.5-inpainting): image and mask as base64.
// sd1.5-inpainting draws at img_width × img_height, each 512 or 768 only (default 512: its page,
// www.segmind.com/models/sd1.5-inpainting/api); without them a portrait comes back square. The
// pipeline scales the answer to the output size, so the pair with the output's shape is asked.
import { bytesToBase64 } from "../base64";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { callSegmind, segmindAccount } from "./call";
import type { SegmindSettings } from ".";

const SIDES = [512, 768] as const;

/** The img_width/img_height pair sd1.5-inpainting allows whose shape is nearest the output's. */
export function inpaintingSize(width: number, height: number): { img_width: number; img_height: number } {
  let best = { img_width: 512, img_height: 512 };
  let bestError = Infinity;
  for (const w of SIDES)
    for (const h of SIDES) {
      // Shape first; among equal shapes, the larger picture.
      const error = Math.abs(Math.log(w / h / (width / height))) - (w * h) / 1e9;
      if (error < bestError) [best, bestError] = [{ img_width: w, img_height: h }, error];
    }
  return best;
}

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
          ...(model === "sd1.5-inpainting" ? inpaintingSize(req.width, req.height) : {}),
        },
        req,
      ),
  };
}
