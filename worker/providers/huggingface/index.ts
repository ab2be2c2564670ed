// Hugging Face (@huggingface/inference): with HF_TOKEN alone, the Inference Providers router
// (each capability a model and the provider that serves it, defaults below); or dedicated
// Inference Endpoints running the handler in hf-endpoint/ (HF_*ENDPOINT_URL*).
import { z } from "zod";
import { baseUrlOr, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { huggingFaceInpainting } from "./inpainting";
import { huggingFacePose } from "./pose";
import { huggingFaceSegmentation } from "./segmentation";
import { huggingFaceTextToImage } from "./text-to-image";

/** A router provider; one whose flow we do not speak for the capability is a setup error at the call (routed.ts). */
const provider = textOr;

const settings = z.object({
  HF_TOKEN: text(),
  // The Hub (model → provider mappings) and the router; other values only for a proxy or a local fake.
  HF_HUB_URL: baseUrlOr("https://huggingface.co"),
  HF_ROUTER_URL: baseUrlOr("https://router.huggingface.co"),
  // Poses: an editing model given the avatar and the skeleton (README: "Hugging Face").
  HF_POSE_MODEL: textOr("Qwen/Qwen-Image-Edit-2509"),
  HF_POSE_PROVIDER: provider("fal-ai"),
  // Hijab and outfit: an instruction edit of the picture, kept only inside our mask.
  INPAINTING_MODEL: textOr("Qwen/Qwen-Image-Edit"),
  HF_INPAINTING_PROVIDER: provider("fal-ai"),
  // Background removal: the provider's cut-out, whose alpha is the person.
  SEGMENTATION_MODEL: textOr("briaai/RMBG-2.0"),
  HF_SEGMENTATION_PROVIDER: provider("fal-ai"),
  SDXL_MODEL: textOr("stabilityai/stable-diffusion-xl-base-1.0"),
  HF_SDXL_PROVIDER: provider("hf-inference"),
  FLUX_MODEL: textOr("black-forest-labs/FLUX.1-schnell"),
  HF_FLUX_PROVIDER: provider("fal-ai"),
  // Dedicated endpoints running hf-endpoint/handler.py: each replaces the router for its capability.
  HF_ENDPOINT_URL: text(),
  HF_ENDPOINT_URL_HD: text(),
  HF_INPAINTING_ENDPOINT_URL: text(),
  HF_SEGMENTATION_ENDPOINT_URL: text(),
  HF_TEXT_ENDPOINT_URL: text(),
  // The handler gives an identity adapter the avatar as `reference_image`; "false" leaves it out.
  HF_IDENTITY_REFERENCE: text().transform((v) => v !== "false"),
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
    pose: { adapter: huggingFacePose, cost: { sd: 0.002, hd: 0.006 }, setup: "HF_TOKEN" },
    inpainting: { adapter: huggingFaceInpainting, cost: 0.004, setup: "HF_TOKEN" },
    segmentation: { adapter: huggingFaceSegmentation, cost: 0.001 },
    textToImage: { adapter: huggingFaceTextToImage, cost: { sdxl: 0.004, flux: 0.003 }, setup: "HF_TOKEN" },
  },
});
