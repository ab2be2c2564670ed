// A self-hosted AUTOMATIC1111 / Forge server with sd-webui-controlnet: txt2img on the quality's
// checkpoint (override_settings, A1111 modules/processing.py process_images) with the skeleton as an
// openpose ControlNet unit (module "none": it is already a skeleton; fields from
// sd-webui-controlnet internal_controlnet/args.py L69-237) and, when A1111_REFERENCE_MODULE is set
// (e.g. "ip-adapter_clip_sd15"), the avatar as a second unit. The server's models are checked
// before the first picture (server-check.ts); its errors are read as it writes them (errors.ts).
// The server then estimates the pose in the result for its score (detect-pose.ts).
// With a starting picture (the instant one) it is img2img instead, the same units riding along:
// POST /sdapi/v1/img2img with `init_images` (base64) and `denoising_strength` (A1111
// modules/api/models.py StableDiffusionImg2ImgProcessingAPI; api.py Api.img2imgapi decodes
// init_images with decode_base64_to_image, 404 "Init image not found" without them); the ControlNet
// units ride in `alwayson_scripts` as for txt2img (api.py init_script_args serves both routes), and
// a unit with its own image uses it, not the init image (CN internal_controlnet/args.py L69-237).
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { base64ToBytes, bytesToBase64 } from "../base64";
import { isLocalUrl } from "../local-url";
import {
  ProviderError,
  errorForThrown,
  type PoseImageProvider,
  type PoseImageRequest,
  type ProviderImage,
} from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import type { A1111Settings } from ".";
import { detectA1111Pose } from "./detect-pose";
import { a1111Failure } from "./errors";
import { a1111Models } from "./server-check";

const NAME = "a1111";

/** The pose adapter, or null without A1111_URL. */
export function a1111Pose(s: A1111Settings, { timeoutMs }: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const baseUrl = s.A1111_URL;
  if (!baseUrl) return null;
  const auth = s.A1111_AUTH;
  const wanted = {
    sd: {
      checkpoint: s.A1111_CHECKPOINT_SD,
      controlnet: s.A1111_CONTROLNET_MODEL_SD,
      checkpointSetting: "A1111_CHECKPOINT_SD",
      controlnetSetting: "A1111_CONTROLNET_MODEL_SD",
    },
    hd: {
      checkpoint: s.A1111_CHECKPOINT_HD,
      controlnet: s.A1111_CONTROLNET_MODEL_HD,
      checkpointSetting: "A1111_CHECKPOINT_HD",
      controlnetSetting: "A1111_CONTROLNET_MODEL_HD",
    },
  };
  const headers = {
    ...(auth ? { authorization: `Basic ${btoa(auth)}` } : {}),
  };
  const reference = {
    module: s.A1111_REFERENCE_MODULE,
    model: { sd: s.A1111_REFERENCE_MODEL, hd: s.A1111_REFERENCE_MODEL_HD },
  };
  return {
    local: isLocalUrl(baseUrl),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const signal = req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      const models = await a1111Models(baseUrl, headers, wanted[req.quality], signal);
      const units: Record<string, unknown>[] = [
        {
          enabled: true,
          image: bytesToBase64(req.controlImage),
          module: "none",
          model: models.controlnet,
          weight: 1.0,
          guidance_start: 0,
          guidance_end: 1,
          control_mode: "Balanced",
          resize_mode: "Just Resize",
          pixel_perfect: true,
        },
      ];
      const referenceModel = reference.model[req.quality];
      if (reference.module && referenceModel) {
        units.push({
          enabled: true,
          image: bytesToBase64(req.avatarImage),
          module: reference.module,
          model: referenceModel,
          weight: 0.7,
        });
      }
      const body = {
        prompt: req.prompt,
        negative_prompt: req.negativePrompt,
        width: req.width,
        height: req.height,
        steps: req.quality === "hd" ? 30 : 20,
        cfg_scale: 7,
        sampler_name: "DPM++ 2M Karras",
        seed: req.seed ?? -1,
        batch_size: 1,
        override_settings: { sd_model_checkpoint: models.checkpoint },
        alwayson_scripts: { controlnet: { args: units } },
        ...(req.initImage
          ? // 0.75: the server's own default (A1111 models.py StableDiffusionImg2ImgProcessingAPI).
            { init_images: [bytesToBase64(req.initImage)], denoising_strength: req.initStrength ?? 0.75 }
          : {}),
      };
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/sdapi/v1/${req.initImage ? "img2img" : "txt2img"}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...headers,
            ...(req.traceId ? { "x-request-id": req.traceId } : {}),
          },
          body: JSON.stringify(body),
          signal,
        });
      } catch (err) {
        throw errorForThrown(NAME, err);
      }
      if (!res.ok) throw a1111Failure(res.status, await res.json().catch(() => null), res.headers.get("retry-after"));
      const json = (await res.json().catch(() => null)) as { images?: unknown } | null;
      const first = Array.isArray(json?.images) ? json!.images[0] : undefined;
      if (typeof first !== "string")
        throw new ProviderError("bad_response", "The server answered without an image.", NAME);
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(first);
      } catch {
        throw new ProviderError("bad_response", "The server's image is not valid base64.", NAME);
      }
      const format = sniffImageFormat(bytes);
      if (!format) throw new ProviderError("bad_response", "The server answered without an image.", NAME);
      const detection =
        s.A1111_DETECT_MODULE === "none"
          ? undefined
          : await detectA1111Pose({ baseUrl, headers, module: s.A1111_DETECT_MODULE }, bytes, signal);
      return {
        bytes,
        contentType: IMAGE_CONTENT_TYPES[format],
        model: `${models.checkpoint} + ${models.controlnet}`,
        ...(detection ? { detection } : {}),
      };
    },
  };
}
