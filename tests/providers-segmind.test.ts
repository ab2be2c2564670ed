// The Segmind adapters against the fake's Segmind (dev-tools/fake-provider/segmind.ts), whose every
// behaviour cites Segmind's model pages or its SDK: published slugs, the fields each model takes,
// sd1.5-inpainting's fixed sizes, and its {"error"} answers read as it writes them.
import { env } from "cloudflare:workers";
import { PhotonImage } from "@cf-wasm/photon";
import { describe, expect, it } from "vitest";
import { segmind } from "../worker/providers/segmind";
import { providerFor } from "../worker/providers/registry";
import { fakeProvider } from "./helpers/fake-provider";
import { buildFigure } from "../shared/templates/figure";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { maskPng } from "../shared/raster/mask";
import { hijabMask } from "../shared/fashion/regions";
import { bytesToBase64 } from "../worker/providers/base64";
import { poseRequest, providerFailure } from "./helpers/pose-request";

// Drawing 1024×1536 in the fake takes a while on a busy machine; the hang test shortens it again.
const vars = (extra: Record<string, string> = {}) =>
  ({
    ...env,
    SEGMIND_API_KEY: "sg_test",
    SEGMIND_URL: `${env.FAKE_PROVIDER_URL}/segmind`,
    PROVIDER_TIMEOUT_MS: "15000",
    ...extra,
  }) as Env;

const [request, failure] = [poseRequest, providerFailure];

const size = (bytes: Uint8Array) => {
  const image = PhotonImage.new_from_byteslice(bytes);
  const out = [image.get_width(), image.get_height()];
  image.free();
  return out;
};

describe("Segmind", () => {
  it("draws SD on sd1.5-controlnet-openpose and HD on sdxl-openpose, the skeleton as `image`", async () => {
    const trace = `segmind-ok-${crypto.randomUUID()}`;
    const provider = providerFor(segmind, "pose", vars())!;
    const sd = await provider.generatePose(request(`${trace}-sd`));
    const hd = await provider.generatePose(request(`${trace}-hd`, "hd"));
    expect([sd.model, hd.model]).toEqual(["sd1.5-controlnet-openpose", "sdxl-openpose"]);
    const [seenSd] = await fakeProvider.requests(`${trace}-sd`);
    const [seenHd] = await fakeProvider.requests(`${trace}-hd`);
    expect(seenSd!.path).toBe("/segmind/sd1.5-controlnet-openpose");
    expect(seenHd!.path).toBe("/segmind/sdxl-openpose");
    expect(seenSd).toMatchObject({ prompt: "professional photo", negativePrompt: "blurry" });
    expect(seenSd!.controlImage).toBe(bytesToBase64(request("x").controlImage));
    // No width/height field exists: the picture follows the skeleton image's size.
    expect(size(sd.bytes)).toEqual([512, 768]);
    expect(size(hd.bytes)).toEqual([1024, 1536]);
  });

  it("asks sd1.5-inpainting for 512×768 (its sizes are 512 or 768), not its square default", async () => {
    const trace = `segmind-inpaint-${crypto.randomUUID()}`;
    const grey = new PhotonImage(new Uint8Array(1024 * 1536 * 4).fill(128), 1024, 1536);
    const image = grey.get_bytes_jpeg(90);
    grey.free();
    const mask = maskPng(hijabMask(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 1024, 1536), "modern"));
    const provider = providerFor(segmind, "inpainting", vars())!;
    const out = await provider.inpaint({
      image,
      mask,
      prompt: "a hijab",
      negativePrompt: "",
      width: 1024,
      height: 1536,
      traceId: trace,
    });
    const [seen] = await fakeProvider.requests(trace);
    expect([seen!.width, seen!.height]).toEqual([512, 768]);
    expect(size(out.bytes)).toEqual([512, 768]);
  });

  it("an unknown model and no credits are the account's errors: Segmind's words, not retried", async () => {
    const unknown = await failure(
      providerFor(segmind, "pose", vars({ SEGMIND_MODEL_SD: "sd1.5-openpose" }))!.generatePose(
        request(`segmind-404-${crypto.randomUUID()}`),
      ),
    );
    expect(unknown.kind).toBe("rejected");
    expect(unknown.retryable).toBe(false);
    expect(unknown.message).toBe(
      'Segmind: Model sd1.5-openpose not found. Segmind has no model "sd1.5-openpose": check the SEGMIND_MODEL_* settings.',
    );

    const trace = `segmind-406-${crypto.randomUUID()}`;
    await fakeProvider.faults([{ kind: "no_credits", trace }]);
    const broke = await failure(providerFor(segmind, "pose", vars())!.generatePose(request(trace)));
    expect([broke.kind, broke.status, broke.message]).toEqual([
      "rejected",
      406,
      "Segmind: Not enough credits. Top up the Segmind account's credits.",
    ]);
  });

  for (const [fault, kind] of [
    ["rate_limit", "rate_limited"],
    ["error500", "server"],
    ["bad_request", "rejected"],
    ["non_image", "bad_response"],
    ["hang", "timeout"],
  ] as const) {
    it(`turns its ${fault} answer into a ${kind} error`, async () => {
      const trace = `segmind-${fault}-${crypto.randomUUID()}`;
      await fakeProvider.faults([{ kind: fault, trace }]);
      const timeout: Record<string, string> = fault === "hang" ? { PROVIDER_TIMEOUT_MS: "800" } : {};
      const err = await failure(providerFor(segmind, "pose", vars(timeout))!.generatePose(request(trace)));
      expect(err.kind).toBe(kind);
      if (fault === "error500") expect(err.message).toBe("Segmind: Internal Server Error");
    });
  }
});
