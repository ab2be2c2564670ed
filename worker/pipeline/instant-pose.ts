// The pose stage's image from the built-in instant engine: the avatar's rig (its cut-out and its
// own pose, from R2 and D1) reshaped into the template's pose. The engine's transparent picture is
// kept as instant.png (its alpha is the person's exact mask for the later stages); the pose stage
// gets it over the studio backdrop, as a JPEG like every provider's.
import { compositeSubject } from "../../shared/background/composite-subject";
import { sceneBackdrop } from "../../shared/background/backdrops";
import type { Mask } from "../../shared/raster/mask";
import type { Rgba } from "../../shared/raster/rgba";
import { PoseInputMissing } from "../../shared/stages/pose-input-missing";
import { decodeRgba, encodeJpeg } from "../images/rgba";
import { ProviderError, type PoseImageProvider } from "../providers/provider";
import { RetriesExhausted } from "../providers/retry";
import { yieldTurn } from "../runtime/cpu-turns";
import { r2Keys } from "../storage/r2-keys";
import { outputPose } from "./output-pose";
import type { PoseContext } from "./pose-context";
import { poseRequestBase } from "./pose-request";

/** The stage image name of the engine's own output (transparent PNG). */
export const INSTANT_IMAGE = "instant";

/** The R2 key of this pose's instant picture. */
export const instantKey = (ctx: PoseContext) =>
  r2Keys.generationPng(ctx.job.generationId, ctx.job.poseTemplateId, INSTANT_IMAGE, ctx.job.take);

/** The person's mask from a picture's alpha, as the engine drew it. */
export function alphaOf(image: Rgba): Mask {
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4 + 3]!;
  return { width: image.width, height: image.height, data };
}

/** The avatar's rig: its cut-out PNG and its own pose; a pose without one fails saying what to do. */
export async function readRig(ctx: PoseContext) {
  const { avatar } = ctx;
  const missing = "The avatar has no pose yet: open the avatar and detect its pose, then retry.";
  if (!avatar.rigKey || !avatar.rigPose) throw new PoseInputMissing(missing, "avatar_rig_missing");
  const object = await ctx.env.IMAGES.get(avatar.rigKey);
  if (!object) throw new PoseInputMissing(missing, "avatar_rig_missing");
  return { rigPng: new Uint8Array(await object.arrayBuffer()), rigPose: avatar.rigPose };
}

/** The pose image (JPEG at the output size) drawn by the instant engine; instant.png stored beside it. */
export async function instantPose(ctx: PoseContext, provider: PoseImageProvider): Promise<Uint8Array> {
  const { size } = ctx;
  const rig = await readRig(ctx);
  ctx.provider = provider.name;
  ctx.attempts += 1;
  let png: Uint8Array;
  try {
    // No skeleton image: the engine draws to the pose itself.
    const image = await provider.generatePose({
      ...poseRequestBase(ctx),
      controlImage: new Uint8Array(),
      instant: { ...rig, target: outputPose(ctx) },
    });
    png = image.bytes;
    ctx.model = image.model;
    ctx.requestedPose = image.skeleton ?? outputPose(ctx);
  } catch (err) {
    // A rig the engine cannot use: running it again draws the same, so the pose fails with the reason.
    if (err instanceof ProviderError) {
      ctx.lastErrorClass = err.kind;
      throw new RetriesExhausted(err, 1);
    }
    throw err;
  }
  ctx.costUsd += provider.estimatedCost(ctx.generation.quality);
  await ctx.env.IMAGES.put(instantKey(ctx), png, {
    httpMetadata: { contentType: "image/png" },
    customMetadata: { provider: provider.name, model: ctx.model ?? "" },
  });
  await yieldTurn();
  const picture = decodeRgba(png);
  return onStudioBackdrop(picture, alphaOf(picture), size);
}

/** The engine's transparent picture over the studio backdrop, as a JPEG at the output size. */
export function onStudioBackdrop(picture: Rgba, mask: Mask, size: { width: number; height: number }): Uint8Array {
  const backdrop = sceneBackdrop(size.width, size.height, "studio");
  return encodeJpeg(compositeSubject(picture, mask, backdrop, { colourMatch: 0 }));
}
