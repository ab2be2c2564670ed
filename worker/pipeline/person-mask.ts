// The person's mask on a stage image: the instant engine's exact mask when it drew the pose;
// otherwise a segmentation provider's, refined against the skeleton; without one (or when it gives
// up), the avatar's own browser cut-out fitted to the pose, or the skeleton's body region alone.
import { bodyRegionMask, alphaMask, fitCutout, refineMask } from "../../shared/background/person-mask";
import { feather, type Mask } from "../../shared/raster/mask";
import { inspectImage } from "../../shared/images/inspect-image";
import type { Pose } from "../../shared/pose/model";
import { decodeRgba } from "../images/rgba";
import { callProviders } from "../providers/call-providers";
import { RetriesExhausted } from "../providers/retry";
import { configuredSegmentationProviders } from "../providers/registry";
import { alphaOf, instantKey } from "./instant-pose";
import type { PoseContext } from "./pose-context";

/** A mask PNG (white = person) or a cut-out (its alpha = person) as a Mask of the image's size. */
function maskFromPng(bytes: Uint8Array, width: number, height: number): Mask | null {
  const header = inspectImage(bytes);
  const image = decodeRgba(bytes);
  if (image.width !== width || image.height !== height) return null;
  const channel = header.ok && header.hasAlpha ? 3 : 0;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4 + channel]!;
  return { width, height, data };
}

async function segmented(ctx: PoseContext, image: Uint8Array, pose: Pose): Promise<Mask | null> {
  const providers = configuredSegmentationProviders(ctx.env);
  if (providers.length === 0) return null;
  const { job } = ctx;
  try {
    const { value, provider, attempts } = await callProviders(
      ctx.env,
      providers,
      (p, n) =>
        p.segment({
          image,
          traceId: `${job.userId}/${job.generationId}/${job.poseTemplateId}/${job.round}.segment.${n}`,
        }),
      { proceed: ctx.proceed, beforeCall: ctx.beforeProviderCall },
    );
    ctx.attempts += attempts;
    ctx.costUsd += provider.estimatedCost();
    return maskFromPng(value, pose.canvasWidth, pose.canvasHeight);
  } catch (err) {
    // A background should not fail the pose: fall back to the masks that need no provider.
    if (err instanceof RetriesExhausted) {
      ctx.attempts += err.attempts;
      return null;
    }
    throw err;
  }
}

/** The instant engine's picture of this pose, when it drew the pose itself: its alpha is the person, exactly. */
async function drawnMask(ctx: PoseContext, pose: Pose): Promise<Mask | null> {
  const object = await ctx.env.IMAGES.get(instantKey(ctx));
  // An AI pose's starting picture is not the person the AI drew.
  if (!object || object.customMetadata?.start) return null;
  const mask = alphaOf(decodeRgba(new Uint8Array(await object.arrayBuffer())));
  return mask.width === pose.canvasWidth && mask.height === pose.canvasHeight ? mask : null;
}

/** The person's mask on a stage image of this pose (same size as the pose's canvas). */
export async function personMask(ctx: PoseContext, image: Uint8Array, pose: Pose): Promise<Mask> {
  const drawn = await drawnMask(ctx, pose);
  if (drawn) return drawn;
  const fromProvider = await segmented(ctx, image, pose);
  if (fromProvider) return refineMask(fromProvider, pose);
  const cutout = ctx.avatar.cutoutKey ? await ctx.env.IMAGES.get(ctx.avatar.cutoutKey) : null;
  if (cutout)
    return refineMask(fitCutout(alphaMask(decodeRgba(new Uint8Array(await cutout.arrayBuffer()))), pose), pose);
  return refineMask(feather(bodyRegionMask(pose, 1.1), 2), pose);
}
