// A self-hosted ComfyUI server (github Comfy-Org/ComfyUI), optionally behind a proxy that wants a
// bearer token: poses (openpose ControlNet, txt2img or img2img) and inpainting, from the
// workflows in ./workflows. Default files are the common public ones:
// v1-5-pruned-emaonly.safetensors (ComfyUI script_examples/basic_api_example.py:41),
// sd_xl_base_1.0.safetensors (ComfyUI tests/inference/graphs/default_graph_sdxl1_0.json:4),
// control_v11p_sd15_openpose.pth (lllyasviel/ControlNet-v1-1-nightly README.md:289),
// thibaud_xl_openpose.safetensors (huggingface.co/lllyasviel/sd_control_collection).
import { z } from "zod";
import { baseUrl, text, textOr } from "../../config/rules";
import { isLocalUrl } from "../local-url";
import { defineVendor } from "../vendor";
import type { ComfyTarget } from "./client";
import { comfyuiInpainting } from "./inpainting";
import { comfyuiPose } from "./pose";
import { probeComfyUi } from "./probe";

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { COMFYUI_TOKEN?: string } } }

const settings = z.object({
  COMFYUI_URL: baseUrl(),
  /** Sent as "Authorization: Bearer" (ComfyUI itself has no auth; a proxy in front may). */
  COMFYUI_TOKEN: text(),
  COMFYUI_CHECKPOINT_SD: textOr("v1-5-pruned-emaonly.safetensors"),
  COMFYUI_CHECKPOINT_HD: textOr("sd_xl_base_1.0.safetensors"),
  COMFYUI_CONTROLNET_SD: textOr("control_v11p_sd15_openpose.pth"),
  COMFYUI_CONTROLNET_HD: textOr("thibaud_xl_openpose.safetensors"),
  /** An inpainting checkpoint; unset, inpainting uses the SD or HD checkpoint by picture size. */
  COMFYUI_CHECKPOINT_INPAINTING: text(),
  /**
   * "1": each pose's result is run through comfyui_controlnet_aux's DWPreprocessor on the same
   * server and scored (detect-pose.ts). Off by default: it needs that custom node pack.
   */
  COMFYUI_DETECT_POSES: text().transform((v) => v === "1" || v === "true"),
});
export type ComfyUiSettings = z.infer<typeof settings>;

/** Where ComfyUI is (and whether on this machine: the fake), or null without COMFYUI_URL. */
export function comfyTarget(s: ComfyUiSettings): (ComfyTarget & { local: boolean }) | null {
  return s.COMFYUI_URL ? { baseUrl: s.COMFYUI_URL, token: s.COMFYUI_TOKEN, local: isLocalUrl(s.COMFYUI_URL) } : null;
}

// Both capabilities need the same one setting.
const setup = "COMFYUI_URL";

export const comfyui = defineVendor({
  name: "comfyui",
  label: "Self-hosted ComfyUI",
  settings,
  keySetting: "COMFYUI_URL",
  probe: probeComfyUi,
  capabilities: {
    pose: { adapter: comfyuiPose, cost: { sd: 0, hd: 0 }, setup, acceptsInitImage: true },
    inpainting: { adapter: comfyuiInpainting, cost: 0, setup },
  },
});
