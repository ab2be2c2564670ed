import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { huggingface } from "../worker/providers/huggingface";
import { modelslab } from "../worker/providers/modelslab";
import { ProviderError, type PoseImageProvider, type PoseImageRequest } from "../worker/providers/provider";
import { configuredProviders, providerFor } from "../worker/providers/registry";
import { messiJpg } from "./helpers/images";
import { fakeProvider } from "./helpers/fake-provider";

const controlPng = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC"),
  (c) => c.charCodeAt(0),
);

function request(trace: string, prompt = "professional photo"): PoseImageRequest & { trace: string } {
  return {
    trace,
    controlImage: controlPng,
    avatarImage: messiJpg(),
    avatarContentType: "image/jpeg",
    prompt,
    negativePrompt: "blurry",
    width: 512,
    height: 768,
    quality: "sd",
  };
}

const adapters: [string, (trace: string) => PoseImageProvider][] = [
  ["huggingface", () => providerFor(huggingface, "pose", env)!],
  [
    "modelslab",
    () =>
      providerFor(modelslab, "pose", {
        ...env,
        MODELSLAB_API_KEY: "ml_test",
        MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
      } as Env)!,
  ],
];

describe("provider adapters against the fake provider's wire protocols", () => {
  for (const [name, make] of adapters) {
    describe(name, () => {
      it("sends the skeleton, the avatar and the prompt, and returns the image", async () => {
        const trace = `adapter-ok-${name}-${crypto.randomUUID()}`;
        const image = await make(trace).generatePose({ ...request(trace), traceId: trace });
        expect(image.contentType).toBe("image/png");
        expect([...image.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
        const [seen] = await fakeProvider.requests(trace);
        expect(seen).toMatchObject({ prompt: "professional photo", negativePrompt: "blurry", width: 512, height: 768 });
        expect(seen!.controlImage).toBe(btoa(String.fromCharCode(...controlPng)));
        // ModelsLab's ControlNet endpoint takes no reference image; the others carry the avatar. (Segmind: providers-segmind.test.ts.)
        if (name !== "segmind" && name !== "modelslab") {
          expect(Uint8Array.from(atob(seen!.avatarImage!), (c) => c.charCodeAt(0))).toEqual(messiJpg());
        }
        if (name === "huggingface") expect(seen!.authorization).toBe("Bearer hf_test_token");
      });

      const failures: [string, Record<string, unknown>, string, number | undefined][] = [
        ["a cold-start 503 with estimated_time", { kind: "loading", estimatedTime: 7 }, "loading", 7000],
        ["a 429 with Retry-After", { kind: "rate_limit", retryAfter: 3 }, "rate_limited", 3000],
        ["a 500", { kind: "error500" }, "server", undefined],
        ["a hang past the timeout", { kind: "hang" }, "timeout", undefined],
        ["a 200 without an image", { kind: "non_image" }, "bad_response", undefined],
        ["a 400 (permanent)", { kind: "bad_request" }, "rejected", undefined],
      ];
      for (const [what, fault, kind, retryAfterMs] of failures) {
        it(`turns ${what} into a ${kind} error`, async () => {
          const trace = `adapter-${kind}-${name}-${crypto.randomUUID()}`;
          await fakeProvider.faults([{ ...(fault as object), trace } as never]);
          const err = await make(trace)
            .generatePose({ ...request(trace), traceId: trace })
            .catch((e: unknown) => e);
          expect(err).toBeInstanceOf(ProviderError);
          expect((err as ProviderError).kind).toBe(kind);
          expect((err as ProviderError).retryable).toBe(kind !== "rejected");
          if (retryAfterMs !== undefined) expect((err as ProviderError).retryAfterMs).toBe(retryAfterMs);
        });
      }
    });
  }

  it("lists only configured providers, in PROVIDER_ORDER", () => {
    expect(configuredProviders(env).map((p) => p.name)).toEqual(["huggingface"]);
    const both = { ...env, A1111_URL: "http://gpu.example:7860", PROVIDER_ORDER: "a1111,huggingface" } as Env;
    expect(configuredProviders(both).map((p) => p.name)).toEqual(["a1111", "huggingface"]);
    expect(configuredProviders({ ...env, HF_TOKEN: "" } as Env)).toEqual([]);
    expect(configuredProviders(env)[0]!.local).toBe(true);
    expect(configuredProviders(both)[0]!.local).toBe(false);
  });

  it("ModelsLab: a short 'processing' answer is polled until the image is ready", async () => {
    const trace = `adapter-ml-poll-${crypto.randomUUID()}`;
    await fakeProvider.faults([{ kind: "loading", estimatedTime: 0.05, trace, times: 1 }]);
    const provider = providerFor(modelslab, "pose", {
      ...env,
      MODELSLAB_API_KEY: "ml_test",
      MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
    } as Env)!;
    const image = await provider.generatePose({ ...request(trace), traceId: trace });
    expect([...image.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(await fakeProvider.requests(trace)).toHaveLength(1);
  });

  it("ModelsLab: a starting picture goes as init_image, the skeleton as control_image, with the strength", async () => {
    const trace = `adapter-ml-start-${crypto.randomUUID()}`;
    const provider = providerFor(modelslab, "pose", {
      ...env,
      MODELSLAB_API_KEY: "ml_test",
      MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
    } as Env)!;
    expect(provider.acceptsInitImage).toBe(true);
    const start = messiJpg();
    await provider.generatePose({ ...request(trace), initImage: start, initStrength: 0.35, traceId: trace });
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ protocol: "modelslab", strength: 0.35 });
    expect(Uint8Array.from(atob(seen!.initImage!), (c) => c.charCodeAt(0))).toEqual(start);
    expect(seen!.controlImage).toBe(btoa(String.fromCharCode(...controlPng)));
  });
});
