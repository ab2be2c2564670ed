// Segmind's serverless API (fallback): poses, inpainting and background removal.
import { z } from "zod";
import { baseUrlOr, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { segmindInpainting } from "./inpainting";
import { segmindPose } from "./pose";
import { segmindSegmentation } from "./segmentation";

const settings = z.object({
  SEGMIND_API_KEY: text(),
  SEGMIND_URL: baseUrlOr("https://api.segmind.com/v1"),
  // Segmind's published slug (segmind/segmind-python segmindapi/ControlNet.py; its model page's URL).
  SEGMIND_MODEL_SD: textOr("sd1.5-controlnet-openpose"),
  SEGMIND_MODEL_HD: textOr("sdxl-openpose"),
  SEGMIND_INPAINTING_MODEL: textOr("sd1.5-inpainting"),
  SEGMIND_SEGMENTATION_MODEL: textOr("bg-removal-v2"),
});
export type SegmindSettings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { SEGMIND_API_KEY?: string } } }

export const segmind = defineVendor({
  name: "segmind",
  label: "Segmind",
  settings,
  keySetting: "SEGMIND_API_KEY",
  capabilities: {
    pose: { adapter: segmindPose, cost: { sd: 0.004, hd: 0.01 } },
    inpainting: { adapter: segmindInpainting, cost: 0.004, setup: "SEGMIND_API_KEY" },
    segmentation: { adapter: segmindSegmentation, cost: 0.002 },
  },
});
