// The A1111 / Forge adapter against the fake's A1111 (dev-tools/fake-provider/a1111.ts), whose
// every behaviour cites the real server's source: the checkpoint per quality, the models checked
// before the first picture, and errors read as the server writes them.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { a1111 } from "../worker/providers/a1111";
import { ProviderError, type PoseImageRequest } from "../worker/providers/provider";
import { providerFor } from "../worker/providers/registry";
import { fakeProvider } from "./helpers/fake-provider";
import { messiJpg } from "./helpers/images";

const controlPng = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC"),
  (c) => c.charCodeAt(0),
);

const request = (traceId: string, quality: "sd" | "hd" = "sd"): PoseImageRequest => ({
  traceId,
  controlImage: controlPng,
  avatarImage: messiJpg(),
  avatarContentType: "image/jpeg",
  prompt: "professional photo",
  negativePrompt: "blurry",
  width: quality === "sd" ? 512 : 1024,
  height: quality === "sd" ? 768 : 1536,
  quality,
});

/** The adapter for a fake server equipped as `setup` (dev-tools/fake-provider/a1111.ts SETUPS). */
const adapter = (setup: string, vars: Record<string, string> = {}) =>
  providerFor(a1111, "pose", {
    ...env,
    A1111_URL: `${env.FAKE_PROVIDER_URL}/a1111/${setup}`,
    A1111_AUTH: "artist:secret",
    A1111_REFERENCE_MODULE: "ip-adapter_clip_sd15",
    A1111_REFERENCE_MODEL: "ip-adapter_sd15",
    A1111_REFERENCE_MODEL_HD: "ip-adapter_xl",
    ...vars,
  } as Env)!;

const failure = async (p: Promise<unknown>) => {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
};

describe("A1111 / Forge with sd-webui-controlnet", () => {
  it("draws SD and HD each on its own checkpoint with its own ControlNet model, as the server names them", async () => {
    const trace = `a1111-ok-${crypto.randomUUID()}`;
    const provider = adapter("standard");
    const sd = await provider.generatePose(request(`${trace}-sd`, "sd"));
    const hd = await provider.generatePose(request(`${trace}-hd`, "hd"));
    expect([...sd.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(hd.model).toBe("sd_xl_base_1.0.safetensors [31e35c80fc] + thibaud_xl_openpose [c7b9cadd]");
    const [seenSd] = await fakeProvider.requests(`${trace}-sd`);
    const [seenHd] = await fakeProvider.requests(`${trace}-hd`);
    expect(seenSd).toMatchObject({
      checkpoint: "v1-5-pruned-emaonly.safetensors [6ce0161689]",
      controlnetModels: ["control_v11p_sd15_openpose [cab727d4]", "ip-adapter_sd15"],
      prompt: "professional photo",
      width: 512,
      authorization: `Basic ${btoa("artist:secret")}`,
    });
    expect(seenSd!.controlImage).toBe(btoa(String.fromCharCode(...controlPng)));
    expect(Uint8Array.from(atob(seenSd!.avatarImage!), (c) => c.charCodeAt(0))).toEqual(messiJpg());
    expect(seenHd).toMatchObject({
      checkpoint: "sd_xl_base_1.0.safetensors [31e35c80fc]",
      controlnetModels: ["thibaud_xl_openpose [c7b9cadd]", "ip-adapter_xl"],
      width: 1024,
    });
  });

  it("names a checkpoint the server lacks, and the setting to change, before drawing anything", async () => {
    const trace = `a1111-no-ckpt-${crypto.randomUUID()}`;
    const err = await failure(adapter("sd15-only").generatePose(request(trace, "hd")));
    expect(err.kind).toBe("not_configured");
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('no checkpoint "sd_xl_base_1.0"');
    expect(err.message).toContain("v1-5-pruned-emaonly");
    expect(err.message).toContain("A1111_CHECKPOINT_HD");
    expect(await fakeProvider.requests(trace)).toEqual([]);
  });

  it("names a ControlNet model the server lacks, and a server without ControlNet", async () => {
    const wrong = await failure(
      adapter("standard", { A1111_CONTROLNET_MODEL_SD: "control_v11p_sd15_canny" }).generatePose(
        request(`a1111-no-cn-${crypto.randomUUID()}`),
      ),
    );
    expect(wrong.kind).toBe("not_configured");
    expect(wrong.message).toContain('no ControlNet model "control_v11p_sd15_canny"');
    expect(wrong.message).toContain("control_v11p_sd15_openpose [cab727d4]");
    expect(wrong.message).toContain("A1111_CONTROLNET_MODEL_SD");
    const none = await failure(adapter("no-controlnet").generatePose(request(`a1111-no-ext-${crypto.randomUUID()}`)));
    expect(none.kind).toBe("not_configured");
    expect(none.message).toContain("sd-webui-controlnet");
  });

  it("passes a ControlNet model that does not fit its checkpoint on in the server's own words, not retried", async () => {
    // Both are installed, so the check passes; drawing then fails as sd-webui-controlnet says (scripts/controlnet.py L826-827).
    const trace = `a1111-mismatch-${crypto.randomUUID()}`;
    const err = await failure(
      adapter("standard", { A1111_CONTROLNET_MODEL_SD: "thibaud_xl_openpose" }).generatePose(request(trace)),
    );
    expect(err.kind).toBe("not_configured");
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("is not compatible with sd model(StableDiffusionVersion.SD1x)");
    expect(err.status).toBe(500);
  });

  const faults: [string, string, ProviderError["kind"], string][] = [
    ["a 500 while drawing (out of GPU memory)", "error500", "server", "CUDA out of memory"],
    ["a 404 for an unknown sampler", "bad_request", "rejected", "Sampler not found"],
    ["a hang past the timeout", "hang", "timeout", "did not answer in time"],
  ];
  for (const [what, kind, expected, words] of faults) {
    it(`turns ${what} into a ${expected} error with the server's message`, async () => {
      const trace = `a1111-fault-${kind}-${crypto.randomUUID()}`;
      await fakeProvider.faults([{ kind: kind as never, trace }]);
      const err = await failure(adapter("standard").generatePose(request(trace)));
      expect(err.kind).toBe(expected);
      expect(err.retryable).toBe(expected !== "rejected");
      expect(err.message).toContain(words);
    });
  }
});
