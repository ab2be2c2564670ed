// The FAKE's Hugging Face Hub mapping API and Inference Providers router (a test and demo tool),
// as `@huggingface/inference` and our adapters speak to them. Each behaviour cites its source:
//   HFI    = node_modules/@huggingface/inference/dist/esm (npm 4.13.30)
//   FALJS  = github fal-ai/fal-js @381105e138b85502b528fb8f6c16d909e30e462a
//   HUBDOCS= github huggingface/hub-docs (docs/inference-providers/…), the commit named beside a fact
// Paths: the Hub under /hf-hub (HF_HUB_URL), the router under /hf-router (HF_ROUTER_URL), fal's
// file CDN under /fal-cdn.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mapPixels } from "./pictures";

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * The Hub's `inferenceProviderMapping` per model, in its object form `{provider: {providerId,
 * status, task}}` (HFI lib/getInferenceProviderMapping.js:14-32). A model outside this table
 * answers an empty mapping, which the client reports as "We have not been able to find inference
 * provider information for model …" (HFI lib/makeRequestOptions.js:56-58) — as the real Hub does
 * for the ControlNet openpose models no router provider serves (hub-docs
 * docs/inference-providers/tasks/image-to-image.md lists only fal-ai, replicate and wavespeed, with editing models).
 */
const MAPPINGS: Record<string, Record<string, { providerId: string; task: string }>> = {
  // fal's 2509 ("plus") edit endpoint takes `image_urls` (FALJS libs/client/src/types/endpoints.ts:48423-48481, alias 72291);
  // the Hub's fal id for this model is UNCONFIRMED (the adapter reads it from this answer, never hard-codes it).
  "Qwen/Qwen-Image-Edit-2509": {
    "fal-ai": { providerId: "fal-ai/qwen-image-edit-plus", task: "image-to-image" },
    // HFJS packages/inference/test/InferenceClient.spec.ts:2156-2163 (@fe42e680).
    wavespeed: { providerId: "wavespeed-ai/qwen-image/edit-plus-lora", task: "image-to-image" },
  },
  // HUBDOCS guides/image-editor.md:99,110 (@242f4a1e): "the fal-ai provider with the Qwen/Qwen-Image-Edit model".
  "Qwen/Qwen-Image-Edit": { "fal-ai": { providerId: "fal-ai/qwen-image-edit", task: "image-to-image" } },
  // HUBDOCS tasks/image-segmentation.md:38 (@242f4a1e).
  "briaai/RMBG-2.0": { "fal-ai": { providerId: "fal-ai/bria/background/remove", task: "image-segmentation" } },
  // HUBDOCS tasks/text-to-image.md (@0749f49e) and the library's live fal test (HFJS InferenceClient.spec.ts:1051-1058).
  "black-forest-labs/FLUX.1-schnell": { "fal-ai": { providerId: "fal-ai/flux/schnell", task: "text-to-image" } },
  "stabilityai/stable-diffusion-xl-base-1.0": {
    "hf-inference": { providerId: "stabilityai/stable-diffusion-xl-base-1.0", task: "text-to-image" },
    nscale: { providerId: "stabilityai/stable-diffusion-xl-base-1.0", task: "text-to-image" },
  },
};

/** GET /hf-hub/api/models/{id}?expand[]=inferenceProviderMapping (HFI lib/getInferenceProviderMapping.js:40-66). */
export function hubModel(pathname: string): Reply | null {
  const id = /^\/hf-hub\/api\/models\/(.+)$/.exec(pathname)?.[1];
  if (!id) return null;
  return { status: 200, body: { id, inferenceProviderMapping: MAPPINGS[id] ?? {} } };
}

/** What the fake drew and how the request looked, for the server's recorder and its images. */
export interface RoutedInput {
  provider: "fal-ai" | "hf-inference";
  task: string;
  model: string;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  seed: number | null;
  /** The images sent, decoded (data URLs or base64), in order. */
  images: Uint8Array[];
  syncMode: boolean;
}

/** The image out of a data URL, or null (fal takes data URLs wherever it takes a URL: HFI providers/fal-ai.js:216-224). */
function fromDataUrl(url: unknown): Uint8Array | null {
  const m = typeof url === "string" ? /^data:[^;,]*;base64,(.*)$/s.exec(url) : null;
  return m ? Buffer.from(m[1]!, "base64") : null;
}

/** The provider model id a router path names, and which provider: /hf-router/{provider}/… */
export function routedRequest(pathname: string, body: Buffer): RoutedInput | { error: Reply } | null {
  const fal = /^\/hf-router\/fal-ai\/(.+)$/.exec(pathname)?.[1];
  const hf = /^\/hf-router\/hf-inference\/models\/(.+)$/.exec(pathname)?.[1];
  if (!fal && !hf) return null;
  const providerId = (fal ?? hf)!;
  const provider = fal ? "fal-ai" : "hf-inference";
  const entry = Object.entries(MAPPINGS).find(([, m]) => m[provider]?.providerId === providerId);
  // The router resolves the mapping from the path; an id no model maps is refused with "Model not
  // supported by provider fal-ai" (HFI providers/fal-ai.js:133-141; its status is UNCONFIRMED, 404 here).
  if (!entry) return { error: { status: 404, body: { error: `Model not supported by provider ${provider}` } } };
  const p = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  const params = (p.parameters ?? {}) as Record<string, unknown>;
  const size = (p.image_size ?? {}) as { width?: number; height?: number };
  const urls = Array.isArray(p.image_urls) ? p.image_urls : p.image_url !== undefined ? [p.image_url] : [];
  return {
    provider,
    task: entry[1][provider]!.task,
    model: entry[0],
    // fal: flat fields (FALJS endpoints.ts); hf-inference: {inputs, parameters} (HUBDOCS tasks/text-to-image.md).
    prompt: String(p.prompt ?? (typeof p.inputs === "string" ? p.inputs : "")),
    negativePrompt: String(p.negative_prompt ?? params.negative_prompt ?? ""),
    width: Number(size.width ?? params.width ?? 512),
    height: Number(size.height ?? params.height ?? 768),
    seed: typeof p.seed === "number" ? p.seed : typeof params.seed === "number" ? params.seed : null,
    images: urls.map(fromDataUrl).filter((b): b is Uint8Array => b !== null),
    syncMode: p.sync_mode === true,
  };
}

/** An instruction edit as the fake draws it: the whole picture tinted by a colour from the prompt. */
export function tintImage(image: Uint8Array, prompt: string): Uint8Array {
  const hash = createHash("sha256").update(prompt).digest();
  const paint = [40 + (hash[0]! % 180), 40 + (hash[1]! % 180), 40 + (hash[2]! % 180)];
  return mapPixels(image, (rgba) => {
    for (let i = 0; i < rgba.length; i += 4) for (let c = 0; c < 3; c++) rgba[i + c] = paint[c]!;
  });
}

interface Job {
  /** Polls left answering IN_QUEUE (a queued job), then IN_PROGRESS once, then COMPLETED. */
  queued: number;
  polls: number;
  result: Reply;
}

/** fal's queue as the router relays it: submit, status, result (HFI providers/fal-ai.js:78-128). */
export class FalQueue {
  private jobs = new Map<string, Job>();
  private files = new Map<string, { bytes: Uint8Array; type: string }>();

  constructor(private readonly cdnBase: () => string) {}

  /** A stored result file at fal's CDN (a result image's `url`, FALJS endpoints.ts `Image` 23009-23034). */
  file(bytes: Uint8Array, type = "image/png"): string {
    const id = crypto.randomUUID();
    this.files.set(id, { bytes, type });
    return `${this.cdnBase()}/fal-cdn/${id}`;
  }

  /** GET /fal-cdn/{id}: the file's bytes. */
  cdn(pathname: string, res: ServerResponse): boolean {
    const file = this.files.get(pathname.replace(/^\/fal-cdn\//, ""));
    if (!file) return false;
    res.writeHead(200, { "content-type": file.type });
    res.end(file.bytes);
    return true;
  }

  /**
   * The submit's answer: `{request_id, response_url, status_url, cancel_url, status: "IN_QUEUE",
   * queue_position}` (FALJS libs/client/src/types/common.ts:82-105). Its URLs are fal's queue
   * host and `{owner}/{alias}/requests/{id}` — the first two segments of the endpoint id (FALJS
   * libs/client/src/queue.ts:354-372) — which the client follows by path only.
   */
  submit(providerId: string, result: Reply, queued = 0): Reply {
    const id = crypto.randomUUID();
    this.jobs.set(id, { queued, polls: 0, result });
    const base = `https://queue.fal.run/${providerId.split("/").slice(0, 2).join("/")}/requests/${id}`;
    return {
      status: 200,
      body: {
        request_id: id,
        response_url: base,
        status_url: `${base}/status`,
        cancel_url: `${base}/cancel`,
        status: "IN_QUEUE",
        queue_position: queued,
      },
    };
  }

  /** GET /hf-router/fal-ai/{owner}/{alias}/requests/{id}[/status]: the job's status or its result. */
  answer(pathname: string): Reply | null {
    const m = /^\/hf-router\/fal-ai\/[^/]+\/[^/]+\/requests\/([^/]+)(\/status)?$/.exec(pathname);
    const job = m ? this.jobs.get(m[1]!) : undefined;
    if (!m || !job) return null;
    if (!m[2]) return job.result;
    job.polls++;
    const status = job.polls <= job.queued ? "IN_QUEUE" : job.polls === job.queued + 1 ? "IN_PROGRESS" : "COMPLETED";
    return { status: 200, body: { status, request_id: m[1], ...(status === "IN_QUEUE" ? { queue_position: 0 } : {}) } };
  }
}

/** Reads a request body. */
export async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The settings that point the Hugging Face adapters' router path (HF_TOKEN alone) at this FAKE
 * server: its Hub mapping API and its router, with every dedicated endpoint unset.
 */
export function huggingFaceRouterVars(url: string, token: string) {
  return {
    HF_TOKEN: token,
    HF_HUB_URL: `${url}/hf-hub`,
    HF_ROUTER_URL: `${url}/hf-router`,
    HF_ENDPOINT_URL: "",
    HF_ENDPOINT_URL_HD: "",
    HF_TEXT_ENDPOINT_URL: "",
    HF_INPAINTING_ENDPOINT_URL: "",
    HF_SEGMENTATION_ENDPOINT_URL: "",
  };
}
