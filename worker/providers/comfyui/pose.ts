// ComfyUI poses: the skeleton as an openpose ControlNet image, txt2img on the quality's
// checkpoint, or img2img from the request's starting picture when it carries one. Never falls
// back to anything else: a failure is this vendor's ProviderError.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { ProviderError, type PoseImageProvider, type PoseImageRequest } from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import type { ModelFile } from "./check-setup";
import { runComfyWorkflow, type ComfyRun } from "./run";
import { comfyTarget, type ComfyUiSettings } from ".";

/** Sampler settings per quality (SD1.5 at 512×768, SDXL at 1024×1536). */
const SAMPLING = {
  sd: { steps: 20, cfg: 7, sampler: "dpmpp_2m", scheduler: "karras" },
  hd: { steps: 30, cfg: 6, sampler: "dpmpp_2m", scheduler: "karras" },
};

/** The checkpoint and ControlNet files one quality uses, with the settings that name them. */
export function poseFiles(s: ComfyUiSettings, quality: "sd" | "hd"): ModelFile[] {
  const q = quality.toUpperCase();
  return [
    {
      slot: "checkpoint",
      file: quality === "hd" ? s.COMFYUI_CHECKPOINT_HD : s.COMFYUI_CHECKPOINT_SD,
      what: "checkpoint",
      folder: "checkpoints",
      setting: `COMFYUI_CHECKPOINT_${q}`,
    },
    {
      slot: "controlnet",
      file: quality === "hd" ? s.COMFYUI_CONTROLNET_HD : s.COMFYUI_CONTROLNET_SD,
      what: "ControlNet",
      folder: "controlnet",
      setting: `COMFYUI_CONTROLNET_${q}`,
    },
  ];
}

/** The pose adapter, or null without COMFYUI_URL. */
export function comfyuiPose(
  s: ComfyUiSettings,
  { timeoutMs }: CommonProviderSettings,
): Adapter<PoseImageProvider> | null {
  const target = comfyTarget(s);
  return target && { local: target.local, generatePose: (req) => runComfyWorkflow(target, poseRun(s, req, timeoutMs)) };
}

/** What one pose runs: txt2img, or img2img from the request's starting picture. */
function poseRun(s: ComfyUiSettings, req: PoseImageRequest, timeoutMs: number): ComfyRun {
  const files = poseFiles(s, req.quality);
  const uploads: ComfyRun["uploads"] = { pose: { bytes: req.controlImage, contentType: "image/png" } };
  if (req.initImage) {
    const format = sniffImageFormat(req.initImage);
    if (!format) throw new ProviderError("rejected", "The starting picture is not a PNG, JPEG or WebP.", "comfyui");
    uploads.init = { bytes: req.initImage, contentType: IMAGE_CONTENT_TYPES[format] };
  }
  return {
    workflow: req.initImage ? "poseImg2img" : "poseTxt2img",
    files,
    uploads,
    values: {
      prompt: req.prompt,
      negative: req.negativePrompt,
      // img2img takes its size from the starting picture; how much it may change it is KSampler's
      // denoise (0–1, nodes.py:1499-1515; unset: the workflow's 0.6).
      ...(req.initImage ? {} : { width: req.width, height: req.height }),
      ...(req.initImage && req.initStrength !== undefined ? { denoise: req.initStrength } : {}),
      seed: req.seed ?? Math.floor(Math.random() * 2 ** 32),
      ...SAMPLING[req.quality],
      prefix: "avatar-pose",
    },
    model: files.map((f) => f.file).join(" + "),
    timeoutMs,
    signal: req.signal,
    traceId: req.traceId,
    detect: s.COMFYUI_DETECT_POSES,
  };
}
