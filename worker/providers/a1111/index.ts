// A self-hosted AUTOMATIC1111 / Forge server with sd-webui-controlnet (started with --api): poses only.
import { z } from "zod";
import { baseUrl, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { a1111Pose } from "./pose";

const settings = z.object({
  A1111_URL: baseUrl(),
  /** "user:password" for --api-auth. */
  A1111_AUTH: text(),
  /** The checkpoint per quality (its file name, model name or title): sent with every request. */
  A1111_CHECKPOINT_SD: textOr("v1-5-pruned-emaonly"),
  A1111_CHECKPOINT_HD: textOr("sd_xl_base_1.0"),
  A1111_CONTROLNET_MODEL_SD: textOr("control_v11p_sd15_openpose"),
  A1111_CONTROLNET_MODEL_HD: textOr("thibaud_xl_openpose"),
  /**
   * e.g. "ip-adapter_clip_sd15": sends the avatar as a second, identity unit, with the model per
   * quality (a unit without a model fails: sd-webui-controlnet scripts/controlnet.py L445-446).
   */
  A1111_REFERENCE_MODULE: text(),
  A1111_REFERENCE_MODEL: text(),
  A1111_REFERENCE_MODEL_HD: text(),
  /**
   * The openpose preprocessor that estimates the pose in each result for its score
   * (POST /controlnet/detect, detect-pose.ts); "none" turns it off.
   */
  A1111_DETECT_MODULE: textOr("dw_openpose_full"),
});
export type A1111Settings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { A1111_AUTH?: string } } }

export const a1111 = defineVendor({
  name: "a1111",
  label: "Self-hosted Stable Diffusion (A1111/Forge)",
  settings,
  keySetting: "A1111_URL",
  capabilities: {
    pose: { adapter: a1111Pose, cost: { sd: 0, hd: 0 }, setup: "A1111_URL", acceptsInitImage: true },
  },
});
