// A self-hosted AUTOMATIC1111 / Forge server with sd-webui-controlnet (started with --api): poses only.
import { z } from "zod";
import { baseUrl, text, textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import { a1111Pose } from "./pose";

const settings = z.object({
  A1111_URL: baseUrl(),
  /** "user:password" for --api-auth. */
  A1111_AUTH: text(),
  A1111_CONTROLNET_MODEL_SD: textOr("control_v11p_sd15_openpose"),
  A1111_CONTROLNET_MODEL_HD: textOr("thibaud_xl_openpose"),
  /** e.g. "ip-adapter_clip_sd15": sends the avatar as a second, identity unit. */
  A1111_REFERENCE_MODULE: text(),
  A1111_REFERENCE_MODEL: text(),
});
export type A1111Settings = z.infer<typeof settings>;

// Its secret, declared on Env (worker-configuration.d.ts is generated from wrangler.toml, which holds no secrets).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { A1111_AUTH?: string } } }

export const a1111 = defineVendor({
  name: "a1111",
  label: "Self-hosted Stable Diffusion (A1111/Forge)",
  settings,
  capabilities: {
    pose: { adapter: a1111Pose, cost: { sd: 0, hd: 0 }, setup: "A1111_URL" },
  },
});
