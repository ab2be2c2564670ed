// GET /api/v1/providers says, per AI vendor set up here, what it can do and what to fix: a setting
// set without the one that turns its vendor on, and with ?check=true a ComfyUI server that cannot
// be reached or lacks a node or a model file.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ProviderStatus, VendorReport } from "../shared/api/providers";
import { fakeComfy } from "./helpers/fake-comfyui";
import { fetchWithEnv } from "./helpers/with-env";

const ORIGIN = "http://127.0.0.1:8787";

const ID = { "accept-language": "id-ID,id;q=0.9" };

async function report(vars: Record<string, string>, query = "", headers: Record<string, string> = {}) {
  const res = await fetchWithEnv(vars, `${ORIGIN}/api/v1/providers${query}`, { headers });
  expect(res.status).toBe(200);
  const status = (await res.json()) as ProviderStatus;
  return (name: string) => status.vendors.find((v) => v.name === name);
}

describe("the providers report, per vendor", () => {
  it("says what each configured vendor can do", async () => {
    const vendor = await report({
      MODELSLAB_API_KEY: "ml_test",
      MODELSLAB_URL: `${env.FAKE_PROVIDER_URL}/modelslab`,
      SEGMIND_API_KEY: "sg_test",
      SEGMIND_URL: `${env.FAKE_PROVIDER_URL}/segmind`,
    });
    expect(vendor("modelslab")).toEqual<VendorReport>({
      name: "modelslab",
      label: "ModelsLab",
      configured: true,
      local: true,
      can: {
        poseSd: true,
        poseHd: true,
        inpainting: true,
        segmentation: false,
        textToImage: false,
        startingImage: true,
      },
      problems: [],
    });
    expect(vendor("segmind")!.can).toEqual({
      poseSd: true,
      poseHd: true,
      inpainting: true,
      segmentation: true,
      textToImage: false,
      startingImage: false,
    });
    // Not set up at all: not listed.
    expect(vendor("a1111")).toBeUndefined();
  });

  it("a vendor's setting without the one that turns it on says which to set", async () => {
    const vendor = await report({ A1111_CHECKPOINT_SD: "dreamshaper_8", COMFYUI_TOKEN: "t" });
    expect(vendor("a1111")).toMatchObject({
      configured: false,
      problems: [
        "A1111_CHECKPOINT_SD is set but A1111_URL is not: set A1111_URL to use Self-hosted Stable Diffusion (A1111/Forge).",
      ],
    });
    expect(vendor("comfyui")!.problems).toEqual([
      "COMFYUI_TOKEN is set but COMFYUI_URL is not: set COMFYUI_URL to use Self-hosted ComfyUI.",
    ]);
  });

  it("with ?check=true, ComfyUI's missing node and file, and an unreachable ComfyUI, say what to install or set", async () => {
    const comfy = await fakeComfy({
      missingNodes: ["ControlNetApplyAdvanced"],
      checkpoints: ["dreamshaper_8.safetensors"],
    });
    const missing = (await report({ COMFYUI_URL: comfy.url }, "?check=true"))("comfyui")!;
    expect(missing.configured).toBe(true);
    expect(missing.problems).toContain(
      "ComfyUI has no node 'ControlNetApplyAdvanced' (the poseTxt2img workflow uses it); update ComfyUI or install the custom node that provides it. ComfyUI has no checkpoint 'v1-5-pruned-emaonly.safetensors' (CheckpointLoaderSimple.ckpt_name); put it in models/checkpoints or set COMFYUI_CHECKPOINT_SD.",
    );
    // Without ?check the report does not call the server.
    const quiet = (await report({ COMFYUI_URL: comfy.url }))("comfyui")!;
    expect(quiet.problems).toEqual([]);
    const gone = (await report({ COMFYUI_URL: "http://127.0.0.1:9" }, "?check=true"))("comfyui")!;
    expect(gone.problems.join(" ")).toMatch(/could not reach ComfyUI at http:\/\/127\.0\.0\.1:9/);
  });

  it("says each problem in Bahasa Indonesia for Accept-Language id, settings and file names as they are", async () => {
    const res = await fetchWithEnv({}, `${ORIGIN}/api/v1/providers`, { headers: ID });
    const status = (await res.json()) as ProviderStatus;
    expect(status.message).toBe(
      "Hanya penyedia uji lokal yang dikonfigurasi: gambarnya contoh buatan mesin ini, bukan hasil AI.",
    );
    expect(status.instant.message).toBe(
      "Pose instan (tanpa AI) membentuk ulang foto avatar sendiri, gratis; pilih itu sebagai ganti AI di studio.",
    );
    const stray = await report({ A1111_CHECKPOINT_SD: "dreamshaper_8" }, "", ID);
    expect(stray("a1111")!.problems).toEqual([
      "A1111_CHECKPOINT_SD sudah diisi tetapi A1111_URL belum: isi A1111_URL untuk memakai Self-hosted Stable Diffusion (A1111/Forge).",
    ]);
    const comfy = await fakeComfy({
      missingNodes: ["ControlNetApplyAdvanced"],
      checkpoints: ["dreamshaper_8.safetensors"],
    });
    const missing = (await report({ COMFYUI_URL: comfy.url }, "?check=true", ID))("comfyui")!;
    expect(missing.problems).toContain(
      "ComfyUI tidak punya node 'ControlNetApplyAdvanced' (dipakai alur kerja poseTxt2img); perbarui ComfyUI atau pasang custom node yang menyediakannya. ComfyUI tidak punya berkas checkpoint 'v1-5-pruned-emaonly.safetensors' (CheckpointLoaderSimple.ckpt_name); taruh di models/checkpoints atau isi COMFYUI_CHECKPOINT_SD.",
    );
    const gone = (await report({ COMFYUI_URL: "http://127.0.0.1:9" }, "?check=true", ID))("comfyui")!;
    expect(gone.problems).toEqual([
      "ComfyUI di http://127.0.0.1:9 tidak menjawab sebagaimana mestinya: periksa COMFYUI_URL, COMFYUI_TOKEN, dan bahwa servernya berjalan.",
    ]);
  });
});
