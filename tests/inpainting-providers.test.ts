import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { maskPng } from "../shared/raster/mask";
import { hijabMask } from "../shared/fashion/regions";
import { bytesToBase64 } from "../worker/providers/base64";
import { huggingface } from "../worker/providers/huggingface";
import type { InpaintingProvider, InpaintRequest } from "../worker/providers/inpainting";
import { modelslab } from "../worker/providers/modelslab";
import { ProviderError } from "../worker/providers/provider";
import { configuredInpaintingProviders, providerFor } from "../worker/providers/registry";
import { workersAi } from "../worker/providers/workers-ai";
import { fakeProvider } from "./helpers/fake-provider";

/** A plain 512×768 JPEG and the hijab mask of the first built-in template at that size. */
function inputs(): Omit<InpaintRequest, "traceId"> {
  const grey = new PhotonImage(new Uint8Array(512 * 768 * 4).fill(128), 512, 768);
  const image = grey.get_bytes_jpeg(90);
  grey.free();
  const mask = maskPng(hijabMask(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768), "modern"));
  return { image, mask, prompt: "a modern hijab", negativePrompt: "hair", width: 512, height: 768 };
}

const adapters: [string, () => InpaintingProvider][] = [
  ["huggingface", () => providerFor(huggingface, "inpainting", env)!],
  [
    "modelslab",
    () =>
      providerFor(modelslab, "inpainting", {
        ...env,
        MODELSLAB_API_KEY: "ml_test",
        MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
      } as Env)!,
  ],
];

describe("inpainting adapters against the fake provider's wire protocols", () => {
  for (const [name, make] of adapters) {
    describe(name, () => {
      it("sends the image, the mask and the prompt, and returns the repainted image", async () => {
        const trace = `inpaint-ok-${name}-${crypto.randomUUID()}`;
        const req = inputs();
        const image = await make().inpaint({ ...req, traceId: trace });
        expect(image.contentType).toBe("image/png");
        const [seen] = await fakeProvider.requests(trace);
        expect(seen).toMatchObject({ prompt: "a modern hijab", negativePrompt: "hair" });
        expect(seen!.maskImage).toBe(bytesToBase64(req.mask));
        expect(seen!.controlImage).toBe(bytesToBase64(req.image));
      });

      for (const [fault, kind] of [
        [{ kind: "loading", estimatedTime: 5 }, "loading"],
        [{ kind: "rate_limit", retryAfter: 2 }, "rate_limited"],
        [{ kind: "error500" }, "server"],
        [{ kind: "non_image" }, "bad_response"],
        [{ kind: "bad_request" }, "rejected"],
      ] as const) {
        it(`turns ${fault.kind} into a ${kind} error`, async () => {
          const trace = `inpaint-${kind}-${name}-${crypto.randomUUID()}`;
          await fakeProvider.faults([{ ...fault, trace }]);
          const err = await make()
            .inpaint({ ...inputs(), traceId: trace })
            .catch((e: unknown) => e);
          expect(err).toBeInstanceOf(ProviderError);
          // ModelsLab answers a cold start as "processing" and is polled past the timeout as loading.
          expect((err as ProviderError).kind).toBe(kind);
        });
      }
    });
  }

  it("Workers AI: image and mask as byte arrays to the inpainting model; its PNG stream comes back", async () => {
    const png = maskPng(hijabMask(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768), "turban"));
    const calls: [string, Record<string, unknown>][] = [];
    const provider = providerFor(workersAi, "inpainting", {
      ...env,
      AI: {
        run: async (model: string, body: Record<string, unknown>) => {
          calls.push([model, body]);
          return new Response(png).body;
        },
      },
    } as unknown as Env)!;
    const req = inputs();
    const image = await provider.inpaint(req);
    expect(image.bytes).toEqual(png);
    expect(calls[0]![0]).toBe("@cf/runwayml/stable-diffusion-v1-5-inpainting");
    expect(calls[0]![1]).toMatchObject({ prompt: "a modern hijab", image: [...req.image], mask: [...req.mask] });
  });

  it("lists the configured ones in INPAINTING_PROVIDER_ORDER; 'none' turns them off", () => {
    expect(configuredInpaintingProviders(env).map((p) => p.name)).toEqual(["huggingface"]);
    const withSegmind = { ...env, SEGMIND_API_KEY: "k", INPAINTING_PROVIDER_ORDER: "segmind,huggingface" } as Env;
    expect(configuredInpaintingProviders(withSegmind).map((p) => p.name)).toEqual(["segmind", "huggingface"]);
    expect(configuredInpaintingProviders({ ...env, INPAINTING_PROVIDER_ORDER: "none" } as Env)).toEqual([]);
  });
});
