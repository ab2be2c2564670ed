// Reading the image the previous stage left and storing this stage's: `{stage}.jpg`, or
// `{stage}.png` when it is transparent (background removed).
import { r2Keys } from "../storage/r2-keys";
import { isPng } from "./draw-placements";
import type { PoseContext } from "./stage";

export async function currentImage(ctx: PoseContext): Promise<Uint8Array> {
  const object = await ctx.env.IMAGES.get(ctx.current!.key);
  if (!object) throw new Error(`the ${ctx.current!.stage} image ${ctx.current!.key} is missing`);
  return new Uint8Array(await object.arrayBuffer());
}

export async function storeStageImage(ctx: PoseContext, stage: string, bytes: Uint8Array) {
  const { generationId, poseTemplateId } = ctx.job;
  const png = isPng(bytes);
  const key = png
    ? r2Keys.generationPng(generationId, poseTemplateId, stage)
    : r2Keys.generationImage(generationId, poseTemplateId, stage);
  await ctx.env.IMAGES.put(key, bytes, { httpMetadata: { contentType: png ? "image/png" : "image/jpeg" } });
  ctx.current = { stage, key };
}
