// ModelsLab as a fallback: the skeleton as a base64 openpose control image (POST /api/v5/controlnet).
import { optionalVar } from "../env";
import { bytesToBase64 } from "./base64";
import { modelsLabAccount, runModelsLab } from "./modelslab-call";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "./provider";
import { isLocalUrl } from "./settings";

export function modelsLabProvider(env: Env): PoseImageProvider | null {
  const account = modelsLabAccount(env);
  if (!account) return null;
  const modelId = optionalVar(env, "MODELSLAB_MODEL_ID") ?? "realistic-vision-v51";
  return {
    name: "modelslab",
    label: "ModelsLab",
    local: isLocalUrl(account.baseUrl),
    estimatedCost: (quality) => (quality === "hd" ? 0.006 : 0.003),
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
          init_image: bytesToBase64(req.controlImage),
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
