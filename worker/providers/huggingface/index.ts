// Hugging Face (@huggingface/inference): dedicated Inference Endpoints or the serverless
// hf-inference router, for poses, inpainting, segmentation and avatars from text.
import { z } from "zod";
import { text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { huggingFaceInpainting } from "./inpainting";
import { huggingFacePose } from "./pose";
import { huggingFaceSegmentation } from "./segmentation";
import { huggingFaceTextToImage } from "./text-to-image";

/** The router's ControlNet-openpose models when CONTROLNET_MODEL_SD / _HD are unset. */
const DEFAULT_MODELS = {
  sd: "lllyasviel/control_v11p_sd15_openpose",
  hd: "thibaud/controlnet-openpose-sdxl-1.0",
};

const settings = z.object({
  HF_TOKEN: text(),
  HF_ENDPOINT_URL: text(),
  HF_ENDPOINT_URL_HD: text(),
  CONTROLNET_MODEL_SD: textOr(DEFAULT_MODELS.sd),
  CONTROLNET_MODEL_HD: textOr(DEFAULT_MODELS.hd),
  // Endpoints with an identity adapter (IP-Adapter FaceID, InstantID) read the avatar from
  // `reference_image`; "false" leaves it out for handlers that reject it.
  HF_IDENTITY_REFERENCE: text().transform((v) => v !== "false"),
  HF_INPAINTING_ENDPOINT_URL: text(),
  INPAINTING_MODEL: textOr("diffusers/stable-diffusion-xl-1.0-inpainting-0.1"),
  HF_SEGMENTATION_ENDPOINT_URL: text(),
  SEGMENTATION_MODEL: textOr("briaai/RMBG-1.4"),
  HF_TEXT_ENDPOINT_URL: text(),
  SDXL_MODEL: textOr("stabilityai/stable-diffusion-xl-base-1.0"),
  FLUX_MODEL: textOr("black-forest-labs/FLUX.1-schnell"),
});
export type HuggingFaceSettings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { HF_TOKEN?: string } } }

export const huggingface = defineVendor({
  name: "huggingface",
  label: "Hugging Face",
  settings,
  capabilities: {
    pose: { adapter: huggingFacePose, cost: { sd: 0.002, hd: 0.006 }, setup: "HF_TOKEN (and HF_ENDPOINT_URL)" },
    inpainting: { adapter: huggingFaceInpainting, cost: 0.004, setup: "HF_TOKEN with HF_INPAINTING_ENDPOINT_URL" },
    segmentation: { adapter: huggingFaceSegmentation, cost: 0.001 },
    textToImage: {
      adapter: huggingFaceTextToImage,
      cost: { sdxl: 0.004, flux: 0.003 },
      setup: "HF_TOKEN (optionally HF_TEXT_ENDPOINT_URL)",
    },
  },
});
