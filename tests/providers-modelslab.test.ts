// ModelsLab against the fake, which follows its published contract (dev-tools/fake-provider/
// modelslab.ts cites each behaviour): the skeleton is the ControlNet's control image, inputs go
// as URLs when this server can make them (base64 with its flag otherwise), HD is drawn within its
// 1024 px maximum, and its setup errors say what to set.
import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { poseInputPublisher } from "../worker/provider-inputs/publish-input";
import { modelslab } from "../worker/providers/modelslab";
import type { PublishInput } from "../worker/providers/publish-input";
import { providerFor } from "../worker/providers/registry";
import { fakeProvider } from "./helpers/fake-provider";
import { pngSize } from "./helpers/png";
import { fetchWithEnv } from "./helpers/with-env";
import { poseRequest, providerFailure } from "./helpers/pose-request";

const vars = (extra: Record<string, string> = {}) =>
  ({
    ...env,
    MODELSLAB_API_KEY: "ml_test",
    MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
    PROVIDER_TIMEOUT_MS: "15000",
    ...extra,
  }) as Env;

const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const request = poseRequest;

/** A grey picture as a JPEG, the size of a starting image. */
function greyJpeg(width: number, height: number) {
  const grey = new PhotonImage(new Uint8Array(width * height * 4).fill(128), width, height);
  try {
    return grey.get_bytes_jpeg(90);
  } finally {
    grey.free();
  }
}

/** PublishInput as the fake's stash: the fake then fetches the URLs, as ModelsLab fetches ours. */
const stash: PublishInput = async (_name, bytes, contentType) => {
  const res = await fetch(`${env.FAKE_PROVIDER_URL}/__fake/inputs`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: bytes,
  });
  return ((await res.json()) as { url: string }).url;
};

const failure = providerFailure;

describe("ModelsLab", () => {
  it("sends the skeleton and the starting picture as URLs it fetches, the skeleton as control_image", async () => {
    const trace = `ml-url-${crypto.randomUUID()}`;
    const req = request(trace);
    const start = greyJpeg(512, 768);
    const published: string[] = [];
    const publishInput: PublishInput = (name, bytes, type) => (published.push(name), stash(name, bytes, type));
    const image = await providerFor(modelslab, "pose", vars())!.generatePose({
      ...req,
      initImage: start,
      initStrength: 0.4,
      publishInput,
    });
    expect(pngSize(image.bytes)).toEqual({ width: 512, height: 768 });
    expect(published.sort()).toEqual(["control_image", "init_image"]);
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ path: "/modelslab/api/v5/controlnet", strength: 0.4, width: 512, height: 768 });
    expect(unb64(seen!.controlImage)).toEqual(req.controlImage);
    expect(unb64(seen!.initImage!)).toEqual(start);
  });

  it("without a public origin sends base64 with its flag; HD is drawn at 680×1024, inputs scaled to it", async () => {
    const trace = `ml-hd-${crypto.randomUUID()}`;
    const provider = providerFor(modelslab, "pose", vars())!;
    const image = await provider.generatePose({
      ...request(trace, "hd"),
      initImage: greyJpeg(1024, 1536),
      initStrength: 0.5,
      // The pipeline's publisher without APP_ORIGIN: no URL, nothing stored.
      publishInput: poseInputPublisher({ ...env, APP_ORIGIN: "" } as Env, crypto.randomUUID(), "builtin-wave"),
    });
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ width: 680, height: 1024 });
    expect(pngSize(unb64(seen!.controlImage))).toEqual({ width: 680, height: 1024 });
    expect(pngSize(image.bytes)).toEqual({ width: 680, height: 1024 });
    expect(image.model).toBe("realistic-vision-51 (drawn at 680×1024, scaled to 1024×1536)");
  });

  it("the pipeline's publisher stores the input under its pose and serves it at a sealed URL on APP_ORIGIN", async () => {
    const origin = "http://127.0.0.1:8787";
    const generationId = crypto.randomUUID();
    const bytes = renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768));
    const url = await poseInputPublisher({ ...env, APP_ORIGIN: origin } as Env, generationId, "builtin-wave")(
      "control_image",
      bytes,
      "image/png",
    );
    expect(url).toMatch(new RegExp(`^${origin}/api/v1/provider-inputs/`));
    expect(url).not.toContain(generationId);
    const stored = await env.IMAGES.get(`generations/${generationId}/builtin-wave/input-control_image.png`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
    const res = await fetchWithEnv({ APP_ORIGIN: origin }, url!);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("an unknown model, a bad key and an input it cannot fetch are setup errors naming what to set, not retried", async () => {
    const model = await failure(
      providerFor(modelslab, "pose", vars({ MODELSLAB_MODEL_ID: "no-such-model" }))!.generatePose(request("ml-m")),
    );
    expect([model.kind, model.retryable, model.message]).toEqual([
      "not_configured",
      false,
      "ModelsLab: Model not found: no-such-model Check MODELSLAB_MODEL_ID.",
    ]);
    const key = await failure(
      providerFor(modelslab, "inpainting", vars({ MODELSLAB_API_KEY: "ml_invalid" }))!.inpaint({
        image: greyJpeg(512, 768),
        mask: request("").controlImage,
        prompt: "a hijab",
        negativePrompt: "",
        width: 512,
        height: 768,
      }),
    );
    expect([key.kind, key.status, key.message]).toEqual([
      "not_configured",
      401,
      "ModelsLab: Invalid API key Check MODELSLAB_API_KEY.",
    ]);
    const unreachable: PublishInput = async () => "http://127.0.0.1:9/api/v1/provider-inputs/x";
    const input = await failure(
      providerFor(modelslab, "pose", vars())!.generatePose({ ...request("ml-u"), publishInput: unreachable }),
    );
    expect(input.kind).toBe("not_configured");
    expect(input.message).toBe(
      "ModelsLab: Unable to fetch image from provided URL ModelsLab fetches the input images from this server: APP_ORIGIN must be its public address.",
    );
  });

  it("no credits is the account's error; a 429 waits its retry_after", async () => {
    const trace = `ml-402-${crypto.randomUUID()}`;
    await fakeProvider.faults([
      { kind: "no_credits", trace, times: 1 },
      { kind: "rate_limit", trace, retryAfter: 30 },
    ]);
    const broke = await failure(providerFor(modelslab, "pose", vars())!.generatePose(request(trace)));
    expect([broke.kind, broke.status]).toEqual(["not_configured", 402]);
    expect(broke.message).toContain("Add credits to the ModelsLab account.");
    const busy = await failure(providerFor(modelslab, "pose", vars())!.generatePose(request(trace)));
    expect([busy.kind, busy.retryAfterMs]).toEqual(["rate_limited", 30_000]);
  });
});
