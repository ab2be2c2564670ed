// Segmind's serverless API as a fallback: the skeleton as base64 `image` to an openpose model.
import { bytesToBase64 } from "./base64";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "./provider";
import { callSegmind, segmindAccount } from "./segmind-call";
import { isLocalUrl } from "./settings";
import { optionalVar } from "../env";

export function segmindProvider(env: Env): PoseImageProvider | null {
  const account = segmindAccount(env);
  if (!account) return null;
  const models = {
    sd: optionalVar(env, "SEGMIND_MODEL_SD") ?? "sd1.5-openpose",
    hd: optionalVar(env, "SEGMIND_MODEL_HD") ?? "sdxl-openpose",
  };
  return {
    name: "segmind",
    label: "Segmind",
    local: isLocalUrl(account.baseUrl),
    estimatedCost: (quality) => (quality === "hd" ? 0.01 : 0.004),
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
