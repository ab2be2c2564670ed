// The pose stage's provider call: the skeleton at the output size plus the avatar, through the
// configured providers in order (callProviders: fallback chain, retries, limiter), or the built-in
// instant engine when the generation runs with it (never as an AI fallback). With a rigged avatar
// the skeleton is the one the instant engine drew, and vendors that refine a starting picture
// get the instant picture and the strength (instant-start.ts).
// Who answered, with what model, how many attempts and what it cost are counted on the pose.
import { OUTPUT_SIZE } from "../../shared/api/generations";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import { toJpeg } from "../images/to-jpeg";
import { inTurn } from "../runtime/cpu-turns";
import { poseInputPublisher } from "../provider-inputs/publish-input";
import { ProviderError } from "../providers/provider";
import { callProviders } from "../providers/call-providers";
import { builtInPoseProvider, configuredProviders } from "../providers/registry";
import { instantPose } from "./instant-pose";
import { poseStart } from "./instant-start";
import { poseRequestBase } from "./pose-request";
import { RetriesExhausted } from "../providers/retry";
import type { PoseContext } from "./pose-context";

/** The pose image (JPEG at the output size) from the first provider that makes one. */
export async function generatePose(ctx: PoseContext): Promise<Uint8Array> {
  const { env, generation, job } = ctx;
  const builtIn = builtInPoseProvider(env, generation.provider);
  if (builtIn) return instantPose(ctx, builtIn);
  const size = OUTPUT_SIZE[generation.quality];
  const providers = configuredProviders(env).filter((p) => !generation.provider || p.name === generation.provider);
  if (providers.length === 0) {
    throw new RetriesExhausted(new ProviderError("not_configured", "No image provider is configured.", "none"), 0);
  }
  const start = await poseStart(
    ctx,
    providers.some((p) => p.acceptsInitImage),
  );
  ctx.startImage = start.kind;
  const controlImage = renderSkeletonPng(start.skeleton);
  const publishInput = poseInputPublisher(env, job.generationId, job.poseTemplateId);
  try {
    const { value, provider, attempts } = await callProviders(
      env,
      providers,
      async (p, n, release) => {
        const image = await p.generatePose({
          ...poseRequestBase(ctx),
          controlImage,
          ...(start.initImage && p.acceptsInitImage
            ? { initImage: start.initImage, initStrength: start.initStrength }
            : {}),
          traceId: `${job.userId}/${job.generationId}/${job.poseTemplateId}/${job.round}.${n}`,
          publishInput,
        });
        // The answer is in: the slot goes to the next pose before this one converts the image,
        // and the conversion (CPU) takes a turn, so that pose's call goes out first.
        await release();
        const jpeg = await inTurn(() => toJpeg(image.bytes, p.name, size));
        return { model: image.model, detection: image.detection, jpeg };
      },
      {
        proceed: ctx.proceed,
        beforeCall: ctx.beforeProviderCall,
        onAttempt: (_, log) => {
          ctx.lastErrorClass = log.error?.kind ?? null;
        },
      },
    );
    ctx.attempts += attempts;
    ctx.provider = provider.name;
    ctx.model = value.model;
    ctx.requestedPose = start.skeleton;
    ctx.detection = value.detection;
    ctx.costUsd += provider.estimatedCost(generation.quality);
    return value.jpeg;
  } catch (err) {
    if (err instanceof RetriesExhausted) {
      ctx.attempts += err.attempts;
      ctx.provider = err.cause.provider;
    }
    throw err;
  }
}
