// ModelsLab poses through its ControlNet endpoint (POST /api/v5/controlnet; fields from
// image-generation/controlnet/openapi.json `ControlNetRequest`, ModelsLab/docs-v2 c1440bc): the
// skeleton is `control_image` ("Link to the ControlNet image") with auto_hint "no", so it is used
// as drawn, not re-detected. With a starting picture (the instant one) `init_image` is that picture
// and `strength` how much may change ("1.0 corresponds to full destruction of information in the
// init image"); without one the skeleton is also the init_image at strength 1, so it contributes
// nothing but the pose. Sizes within its 1024 px maximum (inputs.ts).
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { modelsLabAccount, runModelsLab } from "./call";
import { modelsLabInputs, modelsLabSize } from "./inputs";
import type { ModelsLabSettings } from ".";

/** The request body for one pose (images as URLs or base64, see inputs.ts). */
export async function modelsLabPoseBody(modelId: string, req: PoseImageRequest): Promise<Record<string, unknown>> {
  const size = modelsLabSize(req.width, req.height);
  const control = { bytes: req.controlImage, type: "image/png" } as const;
  const images = await modelsLabInputs(
    { control_image: control, init_image: req.initImage ? { bytes: req.initImage, type: "image/jpeg" } : control },
    req,
    req.publishInput,
    "yes",
  );
  return {
    model_id: modelId,
    controlnet_model: "openpose",
    controlnet_type: "openpose",
    auto_hint: "no",
    guess_mode: "no",
    ...images,
    strength: req.initImage ? req.initStrength : 1,
    prompt: req.prompt,
    negative_prompt: req.negativePrompt,
    width: size.width,
    height: size.height,
    samples: 1,
    // The endpoint's documented step counts are 21 and 31.
    num_inference_steps: req.quality === "hd" ? 31 : 21,
    scheduler: "UniPCMultistepScheduler",
    guidance_scale: 7.5,
    // Our prompt is already written for the pose; its rewriting would drift from it.
    enhance_prompt: "no",
    seed: req.seed ?? null,
    safety_checker: "no",
  };
}

/** The model as recorded on the pose: its id, and the size it drew at when the pipeline scaled it up. */
export function modelsLabModel(modelId: string, req: { width: number; height: number }): string {
  const size = modelsLabSize(req.width, req.height);
  return size.width === req.width && size.height === req.height
    ? modelId
    : `${modelId} (drawn at ${size.width}×${size.height}, scaled to ${req.width}×${req.height})`;
}

/** The pose adapter, or null without MODELSLAB_API_KEY. */
export function modelsLabPose(s: ModelsLabSettings, common: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const account = modelsLabAccount(s, common);
  if (!account) return null;
  const modelId = s.MODELSLAB_MODEL_ID;
  return {
    local: account.local,
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const body = await modelsLabPoseBody(modelId, req);
      const image = await runModelsLab(account, "/api/v5/controlnet", body, {
        ...req,
        modelSetting: "MODELSLAB_MODEL_ID",
      });
      return { ...image, model: modelsLabModel(modelId, req) };
    },
  };
}
