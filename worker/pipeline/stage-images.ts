// Reading the image the previous stage left and storing this stage's: `{stage}.jpg`, or
// `{stage}.png` when it is transparent (background removed). A stored stage image is also the
// pose's checkpoint: run again, the pose resumes after it instead of paying for it twice.
import { isPng } from "../../shared/images/is-png";
import { PoseInputMissing } from "../../shared/stages/pose-input-missing";
import { r2Keys } from "../storage/r2-keys";
import type { PoseContext } from "./pose-context";

export async function currentImage(ctx: PoseContext): Promise<Uint8Array> {
  const object = await ctx.env.IMAGES.get(ctx.current!.key);
  if (!object)
    throw new PoseInputMissing(`the ${ctx.current!.stage} image ${ctx.current!.key} is missing`, "stage_image_missing");
  return new Uint8Array(await object.arrayBuffer());
}

export async function storeStageImage(ctx: PoseContext, stage: string, bytes: Uint8Array) {
  const { generationId, poseTemplateId, take } = ctx.job;
  const png = isPng(bytes);
  const key = png
    ? r2Keys.generationPng(generationId, poseTemplateId, stage, take)
    : r2Keys.generationImage(generationId, poseTemplateId, stage, take);
  // Who made it, so a pose that resumes from this image still records its provider.
  const customMetadata = ctx.provider ? { provider: ctx.provider, model: ctx.model ?? "" } : undefined;
  await ctx.env.IMAGES.put(key, bytes, {
    httpMetadata: { contentType: png ? "image/png" : "image/jpeg" },
    ...(customMetadata ? { customMetadata } : {}),
  });
  ctx.current = { stage, key };
}

/**
 * Picks up a stage image an earlier delivery or round of this pose already stored (the pose's
 * settings never change between rounds). True when found: the stage need not run, nor pay, again.
 */
export async function resumeStage(ctx: PoseContext, stage: string): Promise<boolean> {
  // A new take resumes only from its own images: the earlier take's are what it replaces.
  const { generationId, poseTemplateId, take } = ctx.job;
  for (const key of [
    r2Keys.generationImage(generationId, poseTemplateId, stage, take),
    r2Keys.generationPng(generationId, poseTemplateId, stage, take),
  ]) {
    const head = await ctx.env.IMAGES.head(key);
    if (!head) continue;
    ctx.current = { stage, key };
    if (head.customMetadata?.provider) {
      ctx.provider = head.customMetadata.provider;
      ctx.model = head.customMetadata.model || null;
    }
    return true;
  }
  return false;
}
