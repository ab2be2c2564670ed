// One inpainting pass of a stage (hijab, outfit, theme clothing): the image, a mask and a prompt
// through the inpainting providers (fallback chain, retries, limiter); its attempts and cost
// counted on the pose.
import { maskPng, type Mask } from "../../shared/raster/mask";
import { FASHION_NEGATIVE } from "../../shared/prompts/fashion-prompt";
import { toJpeg } from "../images/to-jpeg";
import { poseInputPublisher } from "../provider-inputs/publish-input";
import { callProviders } from "../providers/call-providers";
import { configuredInpaintingProviders } from "../providers/registry";
import { ProviderError } from "../providers/provider";
import { RetriesExhausted } from "../providers/retry";
import type { PoseContext } from "./pose-context";
import { takeSeed } from "./take-seed";

export async function inpaintPass(ctx: PoseContext, image: Uint8Array, mask: Mask, prompt: string, pass: string) {
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
          ...takeSeed(ctx.generation.seed, ctx.job),
          traceId: `${job.userId}/${job.generationId}/${job.poseTemplateId}/${job.round}.${pass}.${n}`,
          // One name per pass, so a hijab pass and an outfit pass of the same pose do not share a URL.
          publishInput: (name, bytes, type) =>
            poseInputPublisher(env, job.generationId, job.poseTemplateId)(`${pass}-${name}`, bytes, type),
        });
        return toJpeg(result.bytes, p.name, ctx.size);
      },
      {
        proceed: ctx.proceed,
        beforeCall: ctx.beforeProviderCall,
        onAttempt: (_, log) => (ctx.lastErrorClass = log.error?.kind ?? null),
      },
    );
    ctx.attempts += attempts;
    ctx.costUsd += provider.estimatedCost();
    return value;
  } catch (err) {
    if (err instanceof RetriesExhausted) ctx.attempts += err.attempts;
    throw err;
  }
}
