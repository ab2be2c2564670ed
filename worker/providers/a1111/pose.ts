// A self-hosted AUTOMATIC1111 / Forge server with sd-webui-controlnet: txt2img with the skeleton
// as an openpose ControlNet unit (module "none": it is already a skeleton) and, when
// A1111_REFERENCE_MODULE is set (e.g. "ip-adapter_clip_sd15"), the avatar as a second unit.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { base64ToBytes, bytesToBase64 } from "../base64";
import { isLocalUrl } from "../local-url";
import {
  ProviderError,
  errorForStatus,
  errorForThrown,
  retryHint,
  type PoseImageProvider,
  type PoseImageRequest,
  type ProviderImage,
} from "../provider";
import type { Adapter, CommonProviderSettings } from "../vendor";
import type { A1111Settings } from ".";

const NAME = "a1111";

/** The pose adapter, or null without A1111_URL. */
export function a1111Pose(s: A1111Settings, { timeoutMs }: CommonProviderSettings): Adapter<PoseImageProvider> | null {
  const baseUrl = s.A1111_URL;
  if (!baseUrl) return null;
  const auth = s.A1111_AUTH;
  const models = { sd: s.A1111_CONTROLNET_MODEL_SD, hd: s.A1111_CONTROLNET_MODEL_HD };
  const reference = { module: s.A1111_REFERENCE_MODULE, model: s.A1111_REFERENCE_MODEL };
  return {
    local: isLocalUrl(baseUrl),
    async generatePose(req: PoseImageRequest): Promise<ProviderImage> {
      const units: Record<string, unknown>[] = [
        {
          enabled: true,
          image: bytesToBase64(req.controlImage),
          module: "none",
          model: models[req.quality],
          weight: 1.0,
          guidance_start: 0,
          guidance_end: 1,
          control_mode: "Balanced",
          resize_mode: "Just Resize",
          pixel_perfect: true,
        },
      ];
      if (reference.module) {
        units.push({
          enabled: true,
          image: bytesToBase64(req.avatarImage),
          module: reference.module,
          ...(reference.model ? { model: reference.model } : {}),
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
        alwayson_scripts: { controlnet: { args: units } },
      };
      const signal = req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/sdapi/v1/txt2img`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(auth ? { authorization: `Basic ${btoa(auth)}` } : {}),
            ...(req.traceId ? { "x-request-id": req.traceId } : {}),
          },
          body: JSON.stringify(body),
          signal,
        });
      } catch (err) {
        throw errorForThrown(NAME, err);
      }
      if (!res.ok) {
        const detail = (await res.json().catch(() => null)) as {
          detail?: unknown;
          error?: string;
          estimated_time?: number;
        } | null;
        const message = typeof detail?.detail === "string" ? detail.detail : (detail?.error ?? `HTTP ${res.status}`);
        throw errorForStatus(NAME, res.status, message, retryHint(detail, res.headers.get("retry-after")));
      }
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
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model: models[req.quality] };
    },
  };
}
