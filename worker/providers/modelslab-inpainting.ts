// ModelsLab inpainting (POST /api/v6/image_editing/inpaint): image and mask as base64.
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import type { InpaintingProvider, InpaintRequest } from "./inpainting";
import { modelsLabAccount, runModelsLab } from "./modelslab-call";
import { isLocalUrl } from "./settings";

export function modelsLabInpainting(env: Env): InpaintingProvider | null {
  const account = modelsLabAccount(env);
  if (!account) return null;
  const modelId = optionalVar(env, "MODELSLAB_INPAINTING_MODEL_ID") ?? "realistic-vision-v51";
  return {
    name: "modelslab",
    label: "ModelsLab",
    local: isLocalUrl(account.baseUrl),
    estimatedCost: () => 0.003,
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
