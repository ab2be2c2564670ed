import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { huggingface } from "../worker/providers/huggingface";
import { ProviderError } from "../worker/providers/provider";
import { configuredSegmentationProviders, providerFor } from "../worker/providers/registry";
import type { SegmentationProvider } from "../worker/providers/segmentation";
import { segmind } from "../worker/providers/segmind";
import { fakeProvider } from "./helpers/fake-provider";

/** A light 256×384 picture with a dark "person" block in the middle. */
function picture(): Uint8Array {
  const rgba = new Uint8Array(256 * 384 * 4).fill(230);
  for (let y = 100; y < 300; y++)
    for (let x = 100; x < 160; x++) rgba.fill(40, (y * 256 + x) * 4, (y * 256 + x) * 4 + 3);
  const image = new PhotonImage(rgba, 256, 384);
  try {
    return image.get_bytes();
  } finally {
    image.free();
  }
}

const adapters: [string, () => SegmentationProvider, number][] = [
  // Hugging Face answers a white-on-black mask; Segmind a cut-out whose alpha is the person.
  ["huggingface", () => providerFor(huggingface, "segmentation", env)!, 0],
  [
    "segmind",
    () =>
      providerFor(segmind, "segmentation", {
        ...env,
        SEGMIND_API_KEY: "sg_test",
        SEGMIND_URL: `${env.FAKE_PROVIDER_URL}/segmind`,
      } as Env)!,
    3,
  ],
];

describe("segmentation adapters against the fake provider's wire protocols", () => {
  for (const [name, make, channel] of adapters) {
    it(`${name}: the person comes back as the mask`, async () => {
      const trace = `segment-ok-${name}-${crypto.randomUUID()}`;
      const mask = PhotonImage.new_from_byteslice(await make().segment({ image: picture(), traceId: trace }));
      const px = mask.get_raw_pixels();
      const at = (x: number, y: number) => px[(y * mask.get_width() + x) * 4 + channel]!;
      expect(at(130, 200)).toBe(255);
      expect(at(10, 10)).toBe(0);
      mask.free();
      expect(await fakeProvider.requests(trace)).toHaveLength(1);
    });

    it(`${name}: a 500 is a server error`, async () => {
      const trace = `segment-500-${name}-${crypto.randomUUID()}`;
      await fakeProvider.faults([{ kind: "error500", trace }]);
      const err = await make()
        .segment({ image: picture(), traceId: trace })
        .catch((e: unknown) => e);
      expect((err as ProviderError).kind).toBe("server");
    });
  }

  it("lists the configured ones in SEGMENTATION_PROVIDER_ORDER", () => {
    expect(configuredSegmentationProviders(env).map((p) => p.name)).toEqual(["huggingface"]);
    expect(configuredSegmentationProviders({ ...env, SEGMENTATION_PROVIDER_ORDER: "none" } as Env)).toEqual([]);
  });
});
