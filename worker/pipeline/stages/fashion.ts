// The fashion stage, after the pose stage: a hijab and an outfit repainted by inpainting providers
// (masks from the keypoints, one pass each), then accessories drawn on at their anchors (no
// provider needed). Stored as fashion.jpg; the pose image stays as base.jpg for before/after.
import { PhotonImage } from "@cf-wasm/photon";
import { FashionSettings, hasFashion } from "../../../shared/api/fashion";
import { placeAccessories } from "../../../shared/fashion/anchors";
import { drawPlacement } from "../../../shared/fashion/composite";
import { maskPng, type Mask } from "../../../shared/fashion/mask";
import { hijabMask, outfitMask } from "../../../shared/fashion/regions";
import { FASHION_NEGATIVE, hijabPrompt, outfitPrompt } from "../../../shared/prompts/fashion-prompt";
import { accessoryImage } from "../../fashion/accessory-images";
import { toJpeg } from "../../images/to-jpeg";
import { callProviders } from "../../providers/call-providers";
import { configuredInpaintingProviders } from "../../providers/inpainting-registry";
import { ProviderError } from "../../providers/provider";
import { RetriesExhausted } from "../../providers/retry";
import { r2Keys } from "../../storage/r2-keys";
import { outputPose } from "../output-pose";
import type { PoseContext, Stage } from "../stage";

const settingsOf = (ctx: PoseContext) =>
  ctx.generation.fashionSettings ? FashionSettings.parse(ctx.generation.fashionSettings) : null;

async function inpaint(ctx: PoseContext, image: Uint8Array, mask: Mask, prompt: string, pass: string) {
  const { env, job } = ctx;
  const providers = configuredInpaintingProviders(env);
  if (providers.length === 0) {
    throw new RetriesExhausted(new ProviderError("not_configured", "No inpainting provider is configured.", "none"), 0);
  }
  try {
    const { value, provider, attempts } = await callProviders(
      env,
      providers,
      async (p, n) => {
        const result = await p.inpaint({
          image,
          mask: maskPng(mask),
          prompt,
          negativePrompt: FASHION_NEGATIVE,
          width: ctx.size.width,
          height: ctx.size.height,
          ...(ctx.generation.seed !== null ? { seed: ctx.generation.seed } : {}),
          traceId: `${job.userId}/${job.generationId}/${job.poseTemplateId}/${job.round}.${pass}.${n}`,
        });
        return toJpeg(result.bytes, p.name, ctx.size);
      },
      { proceed: ctx.proceed, onAttempt: (_, log) => (ctx.lastErrorClass = log.error?.kind ?? null) },
    );
    ctx.attempts += attempts;
    ctx.costUsd += provider.estimatedCost();
    return value;
  } catch (err) {
    if (err instanceof RetriesExhausted) ctx.attempts += err.attempts;
    throw err;
  }
}

async function drawAccessories(ctx: PoseContext, jpeg: Uint8Array, settings: FashionSettings): Promise<Uint8Array> {
  const placements = placeAccessories(outputPose(ctx), settings.accessories);
  if (placements.length === 0) return jpeg;
  const image = PhotonImage.new_from_byteslice(jpeg);
  try {
    const target = { width: image.get_width(), height: image.get_height(), data: image.get_raw_pixels() };
    for (const placement of placements)
      drawPlacement(target, await accessoryImage(ctx.env, placement.asset), placement);
    const out = new PhotonImage(target.data, target.width, target.height);
    try {
      return out.get_bytes_jpeg(92);
    } finally {
      out.free();
    }
  } finally {
    image.free();
  }
}

export const fashionStage: Stage = {
  name: "fashion",
  applies: (ctx) => hasFashion(settingsOf(ctx)),
  async run(ctx) {
    const settings = settingsOf(ctx)!;
    const { env, job } = ctx;
    const base = await env.IMAGES.get(ctx.current!.key);
    if (!base) throw new Error(`the pose image ${ctx.current!.key} is missing`);
    let image: Uint8Array = new Uint8Array(await base.arrayBuffer());
    const pose = outputPose(ctx);
    if (settings.hijab && settings.hijab.style !== "none") {
      const { style, colour } = settings.hijab;
      image = await inpaint(ctx, image, hijabMask(pose, style), hijabPrompt(style, colour), "hijab");
    }
    if (settings.outfit !== "none") {
      image = await inpaint(ctx, image, outfitMask(pose, settings.outfit), outfitPrompt(settings.outfit), "outfit");
    }
    const out = await drawAccessories(ctx, image, settings);
    const key = r2Keys.generationImage(job.generationId, job.poseTemplateId, "fashion");
    await env.IMAGES.put(key, out, { httpMetadata: { contentType: "image/jpeg" } });
    ctx.current = { stage: "fashion", key };
  },
};
