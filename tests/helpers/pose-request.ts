import { expect } from "vitest";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../../shared/templates/built-in";
import { buildFigure } from "../../shared/templates/figure";
import { ProviderError, type PoseImageRequest } from "../../worker/providers/provider";
import { messiJpg } from "./images";

/** A pose request at the quality's output size: the first built-in template's skeleton, the messi avatar. */
export const poseRequest = (traceId: string, quality: "sd" | "hd" = "sd"): PoseImageRequest => {
  const [width, height] = quality === "sd" ? [512, 768] : [1024, 1536];
  return {
    traceId,
    controlImage: renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, width, height)),
    avatarImage: messiJpg(),
    avatarContentType: "image/jpeg",
    prompt: "professional photo",
    negativePrompt: "blurry",
    width,
    height,
    quality,
  };
};

/** The ProviderError a provider call fails with (the test fails if it succeeds or throws something else). */
export const providerFailure = async (p: Promise<unknown>) => {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
};
