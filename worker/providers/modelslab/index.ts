// ModelsLab (fallback): poses through its ControlNet API and inpainting.
import { z } from "zod";
import { baseUrlOr, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { modelsLabInpainting } from "./inpainting";
import { modelsLabPose } from "./pose";

const settings = z.object({
  MODELSLAB_API_KEY: text(),
  MODELSLAB_URL: baseUrlOr("https://modelslab.com"),
  MODELSLAB_MODEL_ID: textOr("realistic-vision-v51"),
  MODELSLAB_INPAINTING_MODEL_ID: textOr("realistic-vision-v51"),
});
export type ModelsLabSettings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { MODELSLAB_API_KEY?: string } } }

export const modelslab = defineVendor({
  name: "modelslab",
  label: "ModelsLab",
  settings,
  capabilities: {
    pose: { adapter: modelsLabPose, cost: { sd: 0.003, hd: 0.006 }, acceptsInitImage: true },
    inpainting: { adapter: modelsLabInpainting, cost: 0.003 },
  },
});
