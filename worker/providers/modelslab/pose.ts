// ModelsLab poses: the skeleton as a base64 openpose control image (POST /api/v5/controlnet).
// With a starting picture (the instant one) it goes as `init_image`, the skeleton as
// `control_image` and the strength as `strength` (docs.modelslab.com/image-generation/controlnet/
// controlnet-main: "init_image: Link to the initial image to be used as a reference",
// "control_image: Link to the ControlNet image", body field `strength`); without one the skeleton
// is the init_image with auto_hint "no", as before.
import { bytesToBase64 } from "../base64";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { modelsLabAccount, runModelsLab } from "./call";
import type { ModelsLabSettings } from ".";

/** The pose adapter, or null without MODELSLAB_API_KEY. */
export function modelsLabPose(s: ModelsLabSettings, common: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const account = modelsLabAccount(s, common);
  if (!account) return null;
  const modelId = s.MODELSLAB_MODEL_ID;
  return {
    local: account.local,
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const image = await runModelsLab(
        account,
        "/api/v5/controlnet",
        {
          model_id: modelId,
          controlnet_model: "openpose",
          controlnet_type: "openpose",
          auto_hint: "no",
          guess_mode: "no",
          ...(req.initImage
            ? {
                init_image: bytesToBase64(req.initImage),
                control_image: bytesToBase64(req.controlImage),
                strength: req.initStrength,
              }
            : { init_image: bytesToBase64(req.controlImage) }),
          base64: "yes",
          prompt: req.prompt,
          negative_prompt: req.negativePrompt,
          width: String(req.width),
          height: String(req.height),
          samples: "1",
          num_inference_steps: req.quality === "hd" ? "30" : "20",
          guidance_scale: 7.5,
          seed: req.seed ?? null,
          safety_checker: "no",
        },
        req,
      );
      return { ...image, model: modelId };
    },
  };
}
