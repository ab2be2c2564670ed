// ModelsLab inpainting through its community models (POST /api/v6/images/inpaint, which takes the
// `model_id` that MODELSLAB_INPAINTING_MODEL_ID names; fields from image-generation/community-models/
// openapi.json `InpaintingRequest`, ModelsLab/docs-v2 c1440bc): init_image and mask_image as URLs
// (or base64, inputs.ts), within its 1024 px maximum.
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { modelsLabAccount, runModelsLab } from "./call";
import { modelsLabInputs, modelsLabSize } from "./inputs";
import { modelsLabModel } from "./pose";
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
      const size = modelsLabSize(req.width, req.height);
      const images = await modelsLabInputs(
        { init_image: { bytes: req.image, type: "image/jpeg" }, mask_image: { bytes: req.mask, type: "image/png" } },
        req,
        req.publishInput,
        true,
      );
      const body = {
        model_id: modelId,
        ...images,
        prompt: req.prompt,
        negative_prompt: req.negativePrompt,
        width: size.width,
        height: size.height,
        samples: 1,
        // "Values range from 1 to 20, and any value above 20 will be capped at 20."
        num_inference_steps: 20,
        guidance_scale: 7.5,
        strength: 1,
        seed: req.seed ?? null,
        safety_checker: false,
      };
      const image = await runModelsLab(account, "/api/v6/images/inpaint", body, {
        ...req,
        modelSetting: "MODELSLAB_INPAINTING_MODEL_ID",
      });
      return { ...image, model: modelsLabModel(modelId, req) };
    },
  };
}
