// ModelsLab (fallback): poses through its ControlNet API (POST /api/v5/controlnet) and inpainting
// through its community-model inpainting (POST /api/v6/images/inpaint). Contract: the docs at
// docs.modelslab.com, source github.com/ModelsLab/docs-v2 (commit c1440bc8b433d82e09c36fe0ac8307169cefc5d8).
import { z } from "zod";
import { baseUrlOr, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { modelsLabInpainting } from "./inpainting";
import { modelsLabPose } from "./pose";

const settings = z.object({
  MODELSLAB_API_KEY: text(),
  MODELSLAB_URL: baseUrlOr("https://modelslab.com"),
  // The SD1.5 model its ControlNet page's examples use (image-generation/controlnet/controlnet-main.mdx).
  MODELSLAB_MODEL_ID: textOr("realistic-vision-51"),
  // The inpainting model its inpainting page's example uses (image-generation/community-models/dreambooth-inpainting.mdx).
  MODELSLAB_INPAINTING_MODEL_ID: textOr("lazymixv4-inpaint"),
});
export type ModelsLabSettings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { MODELSLAB_API_KEY?: string } } }

export const modelslab = defineVendor({
  name: "modelslab",
  label: "ModelsLab",
  settings,
  keySetting: "MODELSLAB_API_KEY",
  capabilities: {
    pose: { adapter: modelsLabPose, cost: { sd: 0.003, hd: 0.006 }, acceptsInitImage: true },
    inpainting: { adapter: modelsLabInpainting, cost: 0.003 },
  },
});
