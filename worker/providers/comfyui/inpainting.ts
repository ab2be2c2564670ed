// ComfyUI inpainting (hijab, outfit, theme clothing): the picture and our mask (white = repaint)
// through InpaintModelConditioning on COMFYUI_CHECKPOINT_INPAINTING, or else the checkpoint of
// the picture's quality (HD above SD's 512×768).
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { ProviderError } from "../provider";
import type { InpaintingProvider, InpaintRequest } from "../inpainting";
import type { Adapter, CommonProviderSettings } from "../vendor";
import type { ModelFile } from "./check-setup";
import { runComfyWorkflow, type ComfyRun } from "./run";
import { comfyTarget, type ComfyUiSettings } from ".";

/** The checkpoint an inpainting of this size uses, with the setting that names it. */
export function inpaintingFile(s: ComfyUiSettings, width: number, height: number): ModelFile {
  const hd = width * height > 512 * 768;
  const [file, setting] = s.COMFYUI_CHECKPOINT_INPAINTING
    ? [s.COMFYUI_CHECKPOINT_INPAINTING, "COMFYUI_CHECKPOINT_INPAINTING"]
    : hd
      ? [s.COMFYUI_CHECKPOINT_HD, "COMFYUI_CHECKPOINT_HD (or COMFYUI_CHECKPOINT_INPAINTING)"]
      : [s.COMFYUI_CHECKPOINT_SD, "COMFYUI_CHECKPOINT_SD (or COMFYUI_CHECKPOINT_INPAINTING)"];
  return { slot: "checkpoint", file, what: "checkpoint", folder: "checkpoints", setting };
}

/** The inpainting adapter, or null without COMFYUI_URL. */
export function comfyuiInpainting(
  s: ComfyUiSettings,
  common: CommonProviderSettings,
): Adapter<InpaintingProvider> | null {
  const target = comfyTarget(s);
  return (
    target && { local: target.local, inpaint: (req) => runComfyWorkflow(target, inpaintRun(s, req, common.timeoutMs)) }
  );
}

/** What one inpainting runs: the picture and its mask into the inpaint workflow. */
function inpaintRun(s: ComfyUiSettings, req: InpaintRequest, timeoutMs: number): ComfyRun {
  const format = sniffImageFormat(req.image);
  if (!format) throw new ProviderError("rejected", "The picture to inpaint is not a PNG, JPEG or WebP.", "comfyui");
  const file = inpaintingFile(s, req.width, req.height);
  return {
    workflow: "inpaint",
    files: [file],
    uploads: {
      image: { bytes: req.image, contentType: IMAGE_CONTENT_TYPES[format] },
      mask: { bytes: req.mask, contentType: "image/png" },
    },
    values: {
      prompt: req.prompt,
      negative: req.negativePrompt,
      seed: req.seed ?? Math.floor(Math.random() * 2 ** 32),
      steps: 25,
      cfg: 7,
      sampler: "dpmpp_2m",
      scheduler: "karras",
      prefix: "avatar-inpaint",
    },
    model: file.file,
    timeoutMs,
    signal: req.signal,
    traceId: req.traceId,
  };
}
