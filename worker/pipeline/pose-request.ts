// What every pose provider is asked with, from the pose's context: the avatar, the prompts and
// the output size. The AI chain adds the skeleton, the instant engine the rig and the target pose.
import type { PoseImageRequest } from "../providers/provider";
import type { PoseContext } from "./pose-context";
import { takeSeed } from "./take-seed";

/** The request fields every pose provider shares. */
export function poseRequestBase(ctx: PoseContext): Omit<PoseImageRequest, "controlImage"> {
  const { generation, size } = ctx;
  return {
    avatarImage: ctx.avatarBytes,
    avatarContentType: ctx.avatar.contentType,
    prompt: ctx.prompt,
    negativePrompt: ctx.negativePrompt,
    width: size.width,
    height: size.height,
    quality: generation.quality,
    ...takeSeed(generation.seed, ctx.job),
  };
}
