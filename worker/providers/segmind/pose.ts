// Segmind poses: the skeleton as base64 `image` to an openpose model. No starting picture: the
// openpose model's one image field is the control map, and no init image or strength field is
// documented for it that we could find, so initImage is ignored (GET /providers says so).
import { bytesToBase64 } from "../base64";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { callSegmind, segmindAccount } from "./call";
import type { SegmindSettings } from ".";

/** The pose adapter, or null without SEGMIND_API_KEY. */
export function segmindPose(s: SegmindSettings, common: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const account = segmindAccount(s, common);
  if (!account) return null;
  const models = { sd: s.SEGMIND_MODEL_SD, hd: s.SEGMIND_MODEL_HD };
  return {
    local: account.local,
    generatePose: (req: PoseImageRequest): Promise<ProviderImage> =>
      callSegmind(
        account,
        models[req.quality],
        {
          image: bytesToBase64(req.controlImage),
          prompt: req.prompt,
          negative_prompt: req.negativePrompt,
          width: req.width,
          height: req.height,
          samples: 1,
          num_inference_steps: req.quality === "hd" ? 30 : 20,
          guidance_scale: 7.5,
          seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
          base64: false,
        },
        req,
      ),
  };
}
