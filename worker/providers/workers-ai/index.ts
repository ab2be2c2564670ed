// Cloudflare Workers AI through the AI binding (add `[ai] binding = "AI"` to wrangler.toml to
// enable it; it is not declared by default because `wrangler dev` would then need a Cloudflare
// login and network): inpainting and avatars from text.
import { z } from "zod";
import { textOr } from "../../config/rules";
import { defineVendor } from "../vendor";
import type { AiBinding } from "./call";
import { workersAiInpainting } from "./inpainting";
import { workersAiTextToImage } from "./text-to-image";

const settings = z.object({
  /** The binding, when wrangler.toml declares one. */
  AI: z
    .unknown()
    .optional()
    .transform((ai) => (ai && typeof (ai as AiBinding).run === "function" ? (ai as AiBinding) : null)),
  WORKERS_AI_INPAINTING_MODEL: textOr("@cf/runwayml/stable-diffusion-v1-5-inpainting"),
  WORKERS_AI_FLUX_MODEL: textOr("@cf/black-forest-labs/flux-1-schnell"),
  WORKERS_AI_SDXL_MODEL: textOr("@cf/stabilityai/stable-diffusion-xl-base-1.0"),
});
export type WorkersAiSettings = z.infer<typeof settings>;

// Its binding, declared on Env (optional: wrangler.toml does not declare it by default).
// prettier-ignore
declare global { namespace Cloudflare { interface Env { AI?: AiBinding } } }

export const workersAi = defineVendor({
  name: "workers-ai",
  label: "Cloudflare Workers AI",
  settings,
  capabilities: {
    inpainting: { adapter: workersAiInpainting, cost: 0.0015, setup: "bind Workers AI" },
    textToImage: { adapter: workersAiTextToImage, cost: { flux: 0.0011, sdxl: 0.0015 }, setup: "bind Workers AI" },
  },
});
