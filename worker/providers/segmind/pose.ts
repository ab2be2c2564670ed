// Segmind poses: the skeleton as base64 `image` to an openpose ControlNet model. Fields per
// Segmind's model pages (www.segmind.com/models/<slug>/api, read 2026-11-30): the SD1.5 ControlNet
// family (sd1.5-controlnet-*) takes image, prompt, negative_prompt, samples, scheduler,
// num_inference_steps, guidance_scale, strength, seed, base64; sdxl-openpose takes the same but
// controlnet_scale instead of strength. Neither takes a width or height: the picture follows the
// skeleton image, which is already at the output size.
// No starting picture: `image` is the control map and these models take no init image, so
// initImage is ignored (GET /api/v1/providers says so: startsFromInstant false).
import { bytesToBase64 } from "../base64";
import type { PoseImageProvider, PoseImageRequest, ProviderImage } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import { callSegmind, segmindAccount } from "./call";
import type { SegmindSettings } from ".";

/** The request body for one pose: the fields its model's page lists, nothing else. */
export function segmindPoseBody(model: string, req: PoseImageRequest): Record<string, unknown> {
  const xl = model.startsWith("sdxl");
  return {
    image: bytesToBase64(req.controlImage),
    prompt: req.prompt,
    negative_prompt: req.negativePrompt,
    samples: 1,
    // sdxl-openpose's default is "DPM2 Karras", the SD1.5 family's "UniPC" (their pages' defaults).
    scheduler: xl ? "DPM2 Karras" : "UniPC",
    num_inference_steps: xl ? 30 : 25,
    guidance_scale: 7.5,
    // How closely the pose is followed: sdxl-openpose's controlnet_scale ranges 0–1.
    ...(xl ? { controlnet_scale: 1 } : {}),
    seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
    base64: false,
  };
}

/** The pose adapter, or null without SEGMIND_API_KEY. */
export function segmindPose(s: SegmindSettings, common: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const account = segmindAccount(s, common);
  if (!account) return null;
  const models = { sd: s.SEGMIND_MODEL_SD, hd: s.SEGMIND_MODEL_HD };
  return {
    local: account.local,
    generatePose: (req: PoseImageRequest): Promise<ProviderImage> =>
      callSegmind(account, models[req.quality], segmindPoseBody(models[req.quality], req), req),
  };
}
