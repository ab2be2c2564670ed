// The ComfyUI adapter against the fake ComfyUI (dev-tools/fake-provider/comfyui.ts), which answers
// with ComfyUI's own routes, shapes and errors: upload → prompt → wait → view, the setup check, and
// how each failure reaches the user.
import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { encodePng } from "../shared/skeleton/png";
import { createImage } from "../shared/skeleton/raster";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { callProviders } from "../worker/providers/call-providers";
import { comfyui } from "../worker/providers/comfyui";
import { ProviderError, type PoseImageRequest } from "../worker/providers/provider";
import { configuredInpaintingProviders, configuredProviders, providerFor } from "../worker/providers/registry";
import { RetriesExhausted } from "../worker/providers/retry";
import { fakeComfy } from "./helpers/fake-comfyui";
import { pngSize } from "./helpers/png";

// The fake draws up to 1.5 MP on a shared CPU: more time than the suite's 1.5 s provider timeout.
const settings = (url: string, extra: Record<string, string> = {}) =>
  ({ ...env, COMFYUI_URL: url, COMFYUI_TOKEN: "comfy-secret", PROVIDER_TIMEOUT_MS: "15000", ...extra }) as Env;
const posing = (url: string, extra: Record<string, string> = {}) => providerFor(comfyui, "pose", settings(url, extra))!;

const skeleton = (w: number, h: number) => renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, w, h));
function request(over: Partial<PoseImageRequest> = {}): PoseImageRequest {
  return {
    controlImage: skeleton(512, 768),
    avatarImage: new Uint8Array([1]),
    avatarContentType: "image/jpeg",
    prompt: "professional photo, navy suit",
    negativePrompt: "blurry",
    width: 512,
    height: 768,
    quality: "sd",
    seed: 1234,
    traceId: `comfy-${crypto.randomUUID()}`,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("ComfyUI pose adapter, end to end against the fake", () => {
  it("checks the setup, uploads the skeleton, queues the SD workflow, waits and downloads the PNG", async () => {
    const comfy = await fakeComfy();
    const req = request();
    const image = await posing(comfy.url).generatePose(req);
    expect(image.contentType).toBe("image/png");
    expect(pngSize(image.bytes)).toEqual({ width: 512, height: 768 });
    expect(image.model).toBe("v1-5-pruned-emaonly.safetensors + control_v11p_sd15_openpose.pth");

    const { requests, prompts } = await comfy.log();
    const routes = requests.map((r) => `${r.method} ${r.path.split("?")[0]!.replace(/\/history\/.*/, "/history/…")}`);
    expect(routes.filter((r) => r.startsWith("GET /object_info/")).sort()).toEqual(
      [
        "CLIPTextEncode",
        "CheckpointLoaderSimple",
        "ControlNetApplyAdvanced",
        "ControlNetLoader",
        "EmptyLatentImage",
        "KSampler",
        "LoadImage",
        "SaveImage",
        "VAEDecode",
      ].map((c) => `GET /object_info/${c}`),
    );
    const flow = routes.filter((r) => !r.startsWith("GET /object_info/"));
    expect(flow[0]).toBe("POST /upload/image");
    expect(flow[1]).toBe("POST /prompt");
    expect(flow.slice(2, -1).every((r) => r === "GET /history/…")).toBe(true);
    expect(flow.at(-1)).toBe("GET /view");
    for (const r of requests) expect([r.authorization, r.trace]).toEqual(["Bearer comfy-secret", req.traceId]);

    const [sent] = prompts;
    const g = sent!.prompt;
    expect(sent!.client_id).toMatch(/^avatar-pose-/);
    expect(g["4"]).toEqual({
      class_type: "CheckpointLoaderSimple",
      inputs: { ckpt_name: "v1-5-pruned-emaonly.safetensors" },
    });
    expect(g["11"]!.inputs.control_net_name).toBe("control_v11p_sd15_openpose.pth");
    expect(g["5"]!.inputs).toMatchObject({ width: 512, height: 768, batch_size: 1 });
    expect(g["3"]!.inputs).toMatchObject({ seed: 1234, steps: 20, latent_image: ["5", 0], positive: ["12", 0] });
    expect([g["6"]!.inputs.text, g["7"]!.inputs.text]).toEqual(["professional photo, navy suit", "blurry"]);
    // The LoadImage node names the file we uploaded, and that file is our skeleton byte for byte.
    const uploaded = String(g["10"]!.inputs.image);
    expect(uploaded).toMatch(/-pose\.png$/);
    expect(await comfy.input(uploaded)).toEqual(req.controlImage);

    // The setup is checked once per isolate: a second pose asks no /object_info again.
    await posing(comfy.url).generatePose(request({ seed: 99 }));
    const again = (await comfy.log()).requests.filter((r) => r.path.startsWith("/object_info/"));
    expect(again).toHaveLength(9);
  });

  it("HD uses the SDXL checkpoint and ControlNet at 1024×1536", async () => {
    const comfy = await fakeComfy();
    const image = await posing(comfy.url).generatePose(
      request({ quality: "hd", width: 1024, height: 1536, controlImage: skeleton(1024, 1536) }),
    );
    expect(pngSize(image.bytes)).toEqual({ width: 1024, height: 1536 });
    const g = (await comfy.log()).prompts[0]!.prompt;
    expect(g["4"]!.inputs.ckpt_name).toBe("sd_xl_base_1.0.safetensors");
    expect(g["11"]!.inputs.control_net_name).toBe("thibaud_xl_openpose.safetensors");
    expect(g["3"]!.inputs).toMatchObject({ steps: 30, cfg: 6 });
  });

  it("starts from the request's picture (img2img) when it carries one", async () => {
    const comfy = await fakeComfy();
    const start = skeleton(512, 768).slice();
    const init = renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[1]!.figure, 512, 768));
    const image = await posing(comfy.url).generatePose(request({ controlImage: start, initImage: init }));
    expect(pngSize(image.bytes)).toEqual({ width: 512, height: 768 });
    const g = (await comfy.log()).prompts[0]!.prompt;
    expect(g["5"]).toBeUndefined();
    expect(g["21"]).toEqual({ class_type: "VAEEncode", inputs: { pixels: ["20", 0], vae: ["4", 2] } });
    expect(g["3"]!.inputs).toMatchObject({ latent_image: ["21", 0], denoise: 0.6 });
    expect(await comfy.input(String(g["20"]!.inputs.image))).toEqual(init);
    expect(await comfy.input(String(g["10"]!.inputs.image))).toEqual(start);
  });

  it("takes the request's strength as KSampler's denoise", async () => {
    const comfy = await fakeComfy();
    const init = renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[1]!.figure, 512, 768));
    await posing(comfy.url).generatePose(request({ initImage: init, initStrength: 0.35 }));
    const g = (await comfy.log()).prompts[0]!.prompt;
    expect(g["3"]!.inputs).toMatchObject({ latent_image: ["21", 0], denoise: 0.35 });
    expect(await comfy.input(String(g["20"]!.inputs.image))).toEqual(init);
  });
});

describe("ComfyUI inpainting adapter", () => {
  it("repaints only where the mask is white, with the picture's checkpoint", async () => {
    const comfy = await fakeComfy();
    const [w, h] = [64, 96];
    const picture = encodePng(createImage(w, h));
    const mask = createImage(w, h);
    for (let y = 0; y < h / 2; y++) mask.data.fill(255, y * mask.stride + 1, y * mask.stride + 1 + w * 3);
    mask.rowLeft.fill(0);
    mask.rowRight.fill(w - 1);
    const inpainting = providerFor(comfyui, "inpainting", settings(comfy.url))!;
    const out = await inpainting.inpaint({
      image: picture,
      mask: encodePng(mask),
      prompt: "a navy hijab",
      negativePrompt: "blurry",
      width: w,
      height: h,
      seed: 7,
    });
    const g = (await comfy.log()).prompts[0]!.prompt;
    expect(g["11"]!.inputs.channel).toBe("red");
    expect(await comfy.input(String(g["11"]!.inputs.image))).toEqual(encodePng(mask));
    expect(g["4"]!.inputs.ckpt_name).toBe("v1-5-pruned-emaonly.safetensors");
    const photo = PhotonImage.new_from_byteslice(out.bytes);
    const px = photo.get_raw_pixels();
    photo.free();
    const at = (x: number, y: number) => [...px.subarray((y * w + x) * 4, (y * w + x) * 4 + 3)];
    expect(at(10, 10)).not.toEqual([0, 0, 0]);
    expect(at(10, 80)).toEqual([0, 0, 0]);
  });
});

describe("ComfyUI setup errors say what to do", () => {
  it("a missing checkpoint or ControlNet file is a not_configured error naming the file, the loader and the setting", async () => {
    const comfy = await fakeComfy({ checkpoints: ["dreamshaper_8.safetensors"] });
    const sd = await failure(posing(comfy.url).generatePose(request()));
    expect(sd.kind).toBe("not_configured");
    expect(sd.retryable).toBe(false);
    expect(sd.message).toBe(
      "ComfyUI has no checkpoint 'v1-5-pruned-emaonly.safetensors' (CheckpointLoaderSimple.ckpt_name); put it in models/checkpoints or set COMFYUI_CHECKPOINT_SD.",
    );
    const hd = await failure(
      posing(comfy.url, {
        COMFYUI_CHECKPOINT_HD: "dreamshaper_8.safetensors",
        COMFYUI_CONTROLNET_HD: "my_xl_pose.safetensors",
      }).generatePose(request({ quality: "hd" })),
    );
    expect(hd.message).toBe(
      "ComfyUI has no ControlNet 'my_xl_pose.safetensors' (ControlNetLoader.control_net_name); put it in models/controlnet or set COMFYUI_CONTROLNET_HD.",
    );
    // Nothing was uploaded or queued.
    expect((await comfy.log()).requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("a missing custom node is a not_configured error naming the node", async () => {
    const comfy = await fakeComfy({ missingNodes: ["ControlNetApplyAdvanced"] });
    const err = await failure(posing(comfy.url).generatePose(request()));
    expect(err.kind).toBe("not_configured");
    expect(err.message).toBe(
      "ComfyUI has no node 'ControlNetApplyAdvanced' (the poseTxt2img workflow uses it); update ComfyUI or install the custom node that provides it.",
    );
  });

  it("a node that disappears after the check: ComfyUI's own 400 says so, as a setup error", async () => {
    const comfy = await fakeComfy();
    await posing(comfy.url).generatePose(request());
    await comfy.configure({ missingNodes: ["ControlNetLoader"] });
    const err = await failure(posing(comfy.url).generatePose(request()));
    expect(err.kind).toBe("not_configured");
    expect(err.message).toContain("Cannot execute because node ControlNetLoader does not exist.");
  });
});

describe("ComfyUI failures reach the user in ComfyUI's words", () => {
  it("a 400 with node_errors is rejected with ComfyUI's message and not retried", async () => {
    const comfy = await fakeComfy();
    const provider = posing(comfy.url);
    await provider.generatePose(request()); // the setup check passes and is remembered
    await comfy.configure({ checkpoints: [] }); // then the file goes away
    const err = await callProviders(env, [provider], (p) => p.generatePose(request())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    const { cause, attempts } = err as RetriesExhausted;
    expect(attempts).toBe(1);
    expect(cause.kind).toBe("rejected");
    expect(cause.message).toBe(
      "ComfyUI refused the workflow: Prompt outputs failed validation; CheckpointLoaderSimple #4: Value not in list (ckpt_name: 'v1-5-pruned-emaonly.safetensors' not in [])",
    );
    expect((await comfy.log()).requests.filter((r) => r.path === "/prompt")).toHaveLength(2);
  });

  it("an execution_error is rejected with its exception; running out of GPU memory is retryable", async () => {
    const comfy = await fakeComfy({
      executionError: {
        exception_type: "RuntimeError",
        exception_message: "mat1 and mat2 shapes cannot be multiplied (154x2048 and 768x320)",
      },
    });
    const err = await failure(posing(comfy.url).generatePose(request()));
    expect(err.kind).toBe("rejected");
    expect(err.message).toBe(
      "ComfyUI failed in KSampler #3: mat1 and mat2 shapes cannot be multiplied (154x2048 and 768x320) (RuntimeError)",
    );
    await comfy.configure({
      executionError: { exception_type: "torch.OutOfMemoryError", exception_message: "CUDA out of memory." },
    });
    const oom = await failure(posing(comfy.url).generatePose(request()));
    expect([oom.kind, oom.retryable]).toEqual(["server", true]);
  });

  it("a queue that never finishes times out within the provider timeout and is cancelled on the server", async () => {
    const comfy = await fakeComfy({ neverFinish: true });
    const started = Date.now();
    const err = await failure(posing(comfy.url, { PROVIDER_TIMEOUT_MS: "800" }).generatePose(request()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe(
      "ComfyUI did not finish the workflow within 0.8 s (still queued or running; it was cancelled).",
    );
    const { requests, prompts } = await comfy.log();
    const id = prompts[0]!.prompt_id;
    expect(requests.filter((r) => r.path.startsWith("/history/")).length).toBeGreaterThan(1);
    expect(requests.find((r) => r.path === "/interrupt")?.body).toEqual({ prompt_id: id });
    expect(requests.find((r) => r.path === "/queue")?.body).toEqual({ delete: [id] });
    const history = (await (await fetch(`${comfy.url}/history/${id}`)).json()) as Record<string, { status: unknown }>;
    expect(history[id]!.status).toMatchObject({ status_str: "error", completed: false });
  });

  it("an unreachable server is retried per the policy, then says it could not reach ComfyUI", async () => {
    const url = "http://127.0.0.1:9";
    const attempts: string[] = [];
    const err = await callProviders(env, [posing(url)], (p) => p.generatePose(request()), {
      onAttempt: (_, log) => attempts.push(log.error?.kind ?? "ok"),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    const { cause, attempts: n } = err as RetriesExhausted;
    expect(n).toBe(6); // PROVIDER_MAX_ATTEMPTS in the test settings
    expect(attempts).toEqual(Array(6).fill("server"));
    expect(cause.message).toMatch(/could not reach ComfyUI at http:\/\/127\.0\.0\.1:9\.$/);
  });
});

describe("ComfyUI as a vendor", () => {
  it("is configured by COMFYUI_URL and takes its place in PROVIDER_ORDER and INPAINTING_PROVIDER_ORDER", () => {
    expect(configuredProviders(env).map((p) => p.name)).not.toContain("comfyui");
    const both = settings("http://gpu.example:8188", {
      PROVIDER_ORDER: "comfyui,huggingface",
      INPAINTING_PROVIDER_ORDER: "comfyui",
    });
    expect(configuredProviders(both).map((p) => [p.name, p.label])).toEqual([
      ["comfyui", "Self-hosted ComfyUI"],
      ["huggingface", expect.any(String)],
    ]);
    expect(configuredInpaintingProviders(both).map((p) => p.name)).toEqual(["comfyui"]);
    expect(configuredProviders(both)[0]!.local).toBe(false);
  });
});
