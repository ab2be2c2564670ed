// The pose stage: the template's skeleton at the output size plus the avatar, through the
// configured providers in order (callProviders: fallback chain, retries, limiter), stored as base.jpg.
import { PhotonImage } from "@cf-wasm/photon";
import { OUTPUT_SIZE } from "../../../shared/api/generations";
import { inspectImage } from "../../../shared/images/inspect-image";
import { readOpenPose } from "../../../shared/pose/openpose-json";
import { letterboxPose } from "../../../shared/pose/transform";
import { renderSkeletonPng } from "../../../shared/skeleton/render-png";
import { ProviderError } from "../../providers/provider";
import { callProviders } from "../../providers/call-providers";
import { configuredProviders } from "../../providers/registry";
import { RetriesExhausted } from "../../providers/retry";
import { r2Keys } from "../../storage/r2-keys";
import type { Stage } from "../stage";

/**
 * The provider's image as JPEG: a complete JPEG is kept as it came; anything else is decoded and
 * re-encoded. An image that cannot be read is the provider's bad answer (and is retried).
 */
function toJpeg(bytes: Uint8Array, provider: string): Uint8Array {
  const header = inspectImage(bytes);
  if (header.ok && header.format === "jpeg") return bytes;
  if (!header.ok)
    throw new ProviderError("bad_response", `The provider's image is unusable: ${header.message}`, provider);
  let image: PhotonImage;
  try {
    image = PhotonImage.new_from_byteslice(bytes);
  } catch {
    throw new ProviderError("bad_response", "The provider's image could not be decoded.", provider);
  }
  try {
    return image.get_bytes_jpeg(92);
  } finally {
    image.free();
  }
}

export const poseStage: Stage = {
  name: "pose",
  applies: () => true,
  async run(ctx) {
    const { env, generation, job } = ctx;
    const size = OUTPUT_SIZE[generation.quality];
    const skeleton = letterboxPose(readOpenPose(JSON.parse(ctx.template.keypointsJson)).pose, size.width, size.height);
    const controlImage = renderSkeletonPng(skeleton);
    const providers = configuredProviders(env).filter((p) => !generation.provider || p.name === generation.provider);
    if (providers.length === 0) {
      throw new RetriesExhausted(new ProviderError("not_configured", "No image provider is configured.", "none"), 0);
    }
    try {
      const { value, provider, attempts } = await callProviders(
        env,
        providers,
        async (p, n) => {
          const image = await p.generatePose({
            controlImage,
            avatarImage: ctx.avatarBytes,
            avatarContentType: ctx.avatar.contentType,
            prompt: ctx.prompt,
            negativePrompt: ctx.negativePrompt,
            width: size.width,
            height: size.height,
            quality: generation.quality,
            ...(generation.seed !== null ? { seed: generation.seed } : {}),
            traceId: `${job.userId}/${job.generationId}/${job.poseTemplateId}/${job.round}.${n}`,
          });
          return { model: image.model, jpeg: toJpeg(image.bytes, p.name) };
        },
        {
          proceed: ctx.proceed,
          onAttempt: (_, log) => {
            ctx.lastErrorClass = log.error?.kind ?? null;
          },
        },
      );
      const key = r2Keys.generationImage(job.generationId, job.poseTemplateId, "base");
      await env.IMAGES.put(key, value.jpeg, { httpMetadata: { contentType: "image/jpeg" } });
      ctx.attempts += attempts;
      ctx.provider = provider.name;
      ctx.model = value.model;
      ctx.costUsd += provider.estimatedCost(generation.quality);
      ctx.current = { stage: "base", key };
    } catch (err) {
      if (err instanceof RetriesExhausted) {
        ctx.attempts += err.attempts;
        ctx.provider = err.cause.provider;
      }
      throw err;
    }
  },
};
