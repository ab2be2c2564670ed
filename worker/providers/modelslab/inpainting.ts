// ModelsLab inpainting (POST /api/v6/image_editing/inpaint): image and mask as base64.
import { bytesToBase64 } from "../base64";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { modelsLabAccount, runModelsLab } from "./call";
import type { ModelsLabSettings } from ".";

/** The inpainting adapter, or null without MODELSLAB_API_KEY. */
export function modelsLabInpainting(
  s: ModelsLabSettings,
  common: CommonProviderSettings,
): Adapter<InpaintingProvider> | null {
  const account = modelsLabAccount(s, common);
  if (!account) return null;
  const modelId = s.MODELSLAB_INPAINTING_MODEL_ID;
  return {
    local: account.local,
    async inpaint(req: InpaintRequest) {
      const image = await runModelsLab(
        account,
        "/api/v6/image_editing/inpaint",
        {
          model_id: modelId,
          init_image: bytesToBase64(req.image),
          mask_image: bytesToBase64(req.mask),
          base64: "yes",
          prompt: req.prompt,
          negative_prompt: req.negativePrompt,
          width: String(req.width),
          height: String(req.height),
          samples: "1",
          num_inference_steps: "30",
          guidance_scale: 7.5,
          strength: 1,
          seed: req.seed ?? null,
          safety_checker: "no",
        },
        req,
      );
      return { ...image, model: modelId };
    },
  };
}
