// Hugging Face with HF_TOKEN alone: every capability through the Inference Providers router, against
// the fake's Hub mapping API, router and fal queue (dev-tools/fake-provider/hf-router.ts, each
// behaviour cited there). Per path: success, a model no provider serves (not_configured, never
// sent), the network down (retryable "could not reach"), and the provider's own failures.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { huggingFaceRouterVars } from "../dev-tools/fake-provider/hf-router";
import { maskPng } from "../shared/raster/mask";
import { hijabMask } from "../shared/fashion/regions";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { decodeRgba } from "../worker/images/rgba";
import { bytesToBase64 } from "../worker/providers/base64";
import { huggingface } from "../worker/providers/huggingface";
import { POSE_INSTRUCTION } from "../worker/providers/huggingface/pose";
import { ProviderError, type PoseImageRequest } from "../worker/providers/provider";
import { providerFor } from "../worker/providers/registry";
import { fakeProvider } from "./helpers/fake-provider";
import { messiJpg } from "./helpers/images";

/** The Worker's env with only HF_TOKEN (and the fake's Hub and router addresses). */
const routerEnv = (extra: Record<string, string> = {}) =>
  ({
    ...env,
    ...huggingFaceRouterVars(env.FAKE_PROVIDER_URL, "hf_test_token"),
    // fal's queue is polled; a loaded machine needs more than the suite's 1.5 s (a hang sets its own).
    PROVIDER_TIMEOUT_MS: "10000",
    ...extra,
  }) as Env;
const DOWN = { HF_HUB_URL: "http://127.0.0.1:1", HF_ROUTER_URL: "http://127.0.0.1:1" };
const skeleton = () => renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768));

function poseRequest(traceId: string): PoseImageRequest {
  return {
    controlImage: skeleton(),
    avatarImage: messiJpg(),
    avatarContentType: "image/jpeg",
    prompt: "professional photo",
    negativePrompt: "blurry",
    width: 512,
    height: 768,
    quality: "sd",
    seed: 11,
    traceId,
  };
}

const pose = (extra?: Record<string, string>) => providerFor(huggingface, "pose", routerEnv(extra))!;
const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as ProviderError);

describe("Hugging Face poses through the router (fal-ai, Qwen-Image-Edit-2509)", () => {
  it("sends the avatar and the skeleton as fal's image_urls and returns fal's image", async () => {
    const trace = `hfr-pose-${crypto.randomUUID()}`;
    const req = poseRequest(trace);
    const image = await pose().generatePose(req);
    expect(image).toMatchObject({ contentType: "image/png", model: "Qwen/Qwen-Image-Edit-2509" });
    const [seen, ...more] = await fakeProvider.requests(trace);
    expect(more).toHaveLength(0);
    expect(seen).toMatchObject({
      protocol: "hf-router",
      path: "/hf-router/fal-ai/fal-ai/qwen-image-edit-plus",
      authorization: "Bearer hf_test_token",
      prompt: `${POSE_INSTRUCTION} professional photo`,
      negativePrompt: "blurry",
      width: 512,
      height: 768,
      seed: 11,
    });
    expect(seen!.avatarImage).toBe(bytesToBase64(req.avatarImage));
    expect(seen!.controlImage).toBe(bytesToBase64(req.controlImage));
  });

  it("a model no provider serves is not_configured in the Hub's words, and nothing is sent", async () => {
    const trace = `hfr-nomap-${crypto.randomUUID()}`;
    const err = await failure(
      pose({ HF_POSE_MODEL: "lllyasviel/control_v11p_sd15_openpose" }).generatePose(poseRequest(trace)),
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: "not_configured", retryable: false });
    expect(err!.message).toContain(
      "We have not been able to find inference provider information for model lllyasviel/control_v11p_sd15_openpose",
    );
    expect(await fakeProvider.requests(trace)).toHaveLength(0);
  });

  it("a provider whose flow poses do not speak is a setup error naming the setting", async () => {
    const err = await failure(pose({ HF_POSE_PROVIDER: "wavespeed" }).generatePose(poseRequest("hfr-ws")));
    expect(err).toMatchObject({ kind: "not_configured" });
    expect(err!.message).toContain("HF_POSE_PROVIDER=wavespeed");
  });

  it("the network down is a retryable 'could not reach' naming the host", async () => {
    const err = await failure(pose(DOWN).generatePose(poseRequest(`hfr-down-${crypto.randomUUID()}`)));
    expect(err).toMatchObject({ kind: "server", retryable: true });
    expect(err!.message).toMatch(/^Could not reach Hugging Face at 127\.0\.0\.1:1/);
  });

  const faults: [string, Record<string, unknown>, string, RegExp | null][] = [
    ["fal's 422 validation error", { kind: "bad_request" }, "rejected", /body\.image_urls: Could not load the image/],
    ["fal's 500", { kind: "error500" }, "server", /Internal Server Error/],
    ["the router's 429", { kind: "rate_limit", retryAfter: 3 }, "rate_limited", null],
    ["exhausted credits", { kind: "no_credits" }, "not_configured", /monthly included credits/],
    ["a result that is not an image", { kind: "non_image" }, "bad_response", null],
    ["a request never answered", { kind: "hang" }, "timeout", null],
  ];
  for (const [what, fault, kind, words] of faults) {
    it(`turns ${what} into ${kind}`, async () => {
      const trace = `hfr-${kind}-${crypto.randomUUID()}`;
      await fakeProvider.faults([{ ...fault, trace } as never]);
      const err = await failure(pose({ PROVIDER_TIMEOUT_MS: "1500" }).generatePose(poseRequest(trace)));
      expect(err).toBeInstanceOf(ProviderError);
      expect(err!.kind).toBe(kind);
      if (words) expect(err!.message).toMatch(words);
      if (kind === "rate_limited") expect(err!.retryAfterMs).toBe(3000);
    });
  }

  it("waits out a queued job, polling fal's status until COMPLETED", async () => {
    const trace = `hfr-queued-${crypto.randomUUID()}`;
    await fakeProvider.faults([{ kind: "loading", trace }]);
    const image = await pose().generatePose(poseRequest(trace));
    expect(image.contentType).toBe("image/png");
    expect(await fakeProvider.requests(trace)).toHaveLength(1);
  });
});

describe("Hugging Face segmentation, inpainting and text-to-image through the router", () => {
  it("segmentation: fal's background removal (briaai/RMBG-2.0), its alpha the person", async () => {
    const trace = `hfr-seg-${crypto.randomUUID()}`;
    const picture = skeleton();
    const input = decodeRgba(picture);
    const lit = input.data.findIndex((v, i) => i % 4 === 0 && v > 100) / 4;
    const cutOut = decodeRgba(
      await providerFor(huggingface, "segmentation", routerEnv())!.segment({ image: picture, traceId: trace }),
    );
    expect(lit).toBeGreaterThan(0);
    expect(cutOut.data[lit * 4 + 3]).toBe(255);
    expect(cutOut.data[3]).toBe(0);
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ path: "/hf-router/fal-ai/fal-ai/bria/background/remove" });
  });

  it("inpainting: an instruction edit (Qwen-Image-Edit on fal) kept only inside the mask", async () => {
    const trace = `hfr-inpaint-${crypto.randomUUID()}`;
    const image = skeleton();
    const region = hijabMask(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768), "modern");
    const out = await providerFor(huggingface, "inpainting", routerEnv())!.inpaint({
      image,
      mask: maskPng(region),
      prompt: "a navy hijab",
      negativePrompt: "hair",
      width: 512,
      height: 768,
      traceId: trace,
    });
    const [before, after] = [decodeRgba(image), decodeRgba(out.bytes)];
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < 512 * 768; i++) {
      const d = Math.abs(before.data[i * 4]! - after.data[i * 4]!);
      if (region.data[i] === 255 && d > 20) inside++;
      if (region.data[i] === 0 && d > 0) outside++;
    }
    expect(inside).toBeGreaterThan(1000);
    expect(outside).toBe(0);
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ path: "/hf-router/fal-ai/fal-ai/qwen-image-edit", maskImage: null });
    expect(seen!.prompt).toContain("a navy hijab");
    expect(seen!.controlImage).toBe(bytesToBase64(image));
  });

  for (const [model, path] of [
    ["sdxl", "/hf-router/hf-inference/models/stabilityai/stable-diffusion-xl-base-1.0"],
    ["flux", "/hf-router/fal-ai/fal-ai/flux/schnell"],
  ] as const) {
    it(`text-to-image ${model}: ${path}`, async () => {
      const trace = `hfr-text-${model}-${crypto.randomUUID()}`;
      const adapter = providerFor(huggingface, "textToImage", routerEnv())!;
      const image = await adapter.textToImage({
        model,
        prompt: "a woman in a studio",
        negativePrompt: "blurry",
        width: 512,
        height: 768,
        seed: 5,
        traceId: trace,
      });
      expect(image.contentType).toBe("image/png");
      const [seen] = await fakeProvider.requests(trace);
      expect(seen).toMatchObject({ path, prompt: "a woman in a studio", seed: 5, width: 512, height: 768 });
    });
  }

  it("text-to-image: the network down is a retryable 'could not reach'", async () => {
    const adapter = providerFor(huggingface, "textToImage", routerEnv(DOWN))!;
    const err = await failure(
      adapter.textToImage({
        model: "sdxl",
        prompt: "x",
        negativePrompt: "",
        width: 512,
        height: 768,
        seed: 1,
        traceId: "hfr-t-down",
      }),
    );
    expect(err).toMatchObject({ kind: "server", retryable: true });
    expect(err!.message).toMatch(/^Could not reach Hugging Face at 127\.0\.0\.1:1/);
  });
});
