// The FAKE's ModelsLab API (a test and demo tool). Each behaviour follows ModelsLab's published
// contract, cited beside it:
//   DOCS = github.com/ModelsLab/docs-v2 @c1440bc8b433d82e09c36fe0ac8307169cefc5d8 (docs.modelslab.com):
//          image-generation/controlnet/openapi.json (POST /api/v5/controlnet), image-generation/
//          community-models/openapi.json (POST /api/v6/images/inpaint, /fetch), error-codes.mdx,
//          quickstart.mdx (POST /api/v6/images/fetch/{id} with {key})
//   SDK  = github.com/ModelsLab/modelslab-js src/apis/base.ts @30bd7ef757fb3c080cf63724ff5549416ea65bbe
import type { ServerResponse } from "node:http";
import type { FaultRule } from "./server";

type Reply = { status: number; body: unknown };

/** ModelsLab's error body: {"status": "error", "message": "…"} (DOCS error-codes.mdx "Error Response Format"). */
const mlError = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { status: "error", message, ...extra },
});

/**
 * Public model ids the fake serves: the ids DOCS' ControlNet and inpainting examples use
 * (controlnet-main.mdx: realistic-vision-51, boziorealvisxlv4; dreambooth-inpainting.mdx:
 * lazymixv4-inpaint). Any other id is "Model not found" (error-codes.mdx, Invalid Model ID).
 */
const MODELS = new Set(["realistic-vision-51", "boziorealvisxlv4", "lazymixv4-inpaint"]);

/** The image fields of each endpoint: ControlNetRequest and InpaintingRequest (DOCS openapi files). */
const IMAGE_FIELDS = ["init_image", "control_image", "mask_image"] as const;

export type ModelsLabRoute = "controlnet" | "inpaint" | "fetch" | "output";

/** Which ModelsLab route a /modelslab/… request is, or null. */
export function modelsLabRoute(method: string, pathname: string): { route: ModelsLabRoute; id?: number } | null {
  if (method === "POST" && pathname === "/modelslab/api/v5/controlnet") return { route: "controlnet" };
  if (method === "POST" && pathname === "/modelslab/api/v6/images/inpaint") return { route: "inpaint" };
  const fetchId = /^\/modelslab\/api\/v6\/images\/fetch\/(\d+)$/.exec(pathname);
  if (method === "POST" && fetchId) return { route: "fetch", id: Number(fetchId[1]) };
  const outId = /^\/modelslab\/out\/(\d+)\.\w+$/.exec(pathname);
  if (method === "GET" && outId) return { route: "output", id: Number(outId[1]) };
  return null;
}

export interface ModelsLabRequest {
  images: Partial<Record<(typeof IMAGE_FIELDS)[number], Uint8Array>>;
  /** The base64 flag: inputs came as base64, and the output is base64 text ("yes" on v5, true on v6). */
  base64: boolean;
  setupError: Reply | null;
}

/** An image field: base64 when the flag says so, else a URL the fake fetches, as ModelsLab does. */
async function readImage(value: string, base64: boolean): Promise<Uint8Array | null> {
  if (base64) return Buffer.from(value.replace(/^data:image\/\w+;base64,/, ""), "base64");
  if (!/^https?:\/\//.test(value)) return null;
  try {
    const res = await fetch(value);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Reads one generation request and says what ModelsLab answers before drawing, if anything: 401
 * without a key, 400 for a missing prompt or a size out of range or not a multiple of 8, "Model not
 * found" for an unknown model_id, "Unable to fetch image from provided URL" for an image it cannot
 * get (DOCS error-codes.mdx: 401 example, Validation Errors table, Invalid Model ID, Image URL Issues).
 */
export async function readModelsLabRequest(
  route: ModelsLabRoute,
  p: Record<string, unknown>,
): Promise<ModelsLabRequest> {
  // v5 ControlNet: base64 "yes" | "no"; v6 community models: a boolean (DOCS openapi files, `base64`).
  const base64 = p.base64 === "yes" || p.base64 === true || p.base64 === "true";
  const images: ModelsLabRequest["images"] = {};
  const answer = (setupError: Reply | null): ModelsLabRequest => ({ images, base64, setupError });
  // No key, or one the account revoked (the fake takes any key naming itself "invalid" for that).
  if (typeof p.key !== "string" || p.key === "" || p.key.includes("invalid"))
    return answer(mlError(401, "Invalid API key"));
  if (typeof p.prompt !== "string" || p.prompt === "") return answer(mlError(400, "prompt is required"));
  for (const side of ["width", "height"] as const) {
    const n = Number(p[side] ?? 512);
    // ControlNetRequest/CommonImageGenerationParams: "maximum": 1024.
    if (!(n >= 256 && n <= 1024)) return answer(mlError(400, `${side} must be between 256 and 1024`));
    if (n % 8 !== 0) return answer(mlError(400, `${side} must be divisible by 8`));
  }
  // InpaintingRequest requires model_id; ControlNetRequest only key.
  const model = p.model_id;
  if ((route === "inpaint" || model !== undefined) && !MODELS.has(String(model)))
    return answer(mlError(200, `Model not found: ${String(model)}`));
  for (const field of IMAGE_FIELDS) {
    const value = p[field];
    if (typeof value !== "string" || value === "") continue;
    const bytes = await readImage(value, base64);
    if (!bytes) return answer(mlError(200, "Unable to fetch image from provided URL"));
    images[field] = bytes;
  }
  if (route === "inpaint" && (!images.init_image || !images.mask_image))
    return answer(mlError(400, "init_image and mask_image are required"));
  return answer(null);
}

/** Rendered outputs by id; ids in `pending` are still "processing". */
export interface ModelsLabStore {
  outputs: Uint8Array[];
  pending: Set<number>;
}

/** The URL an output is served at (the `.base64` file holds base64 text, as the flag asks). */
const outputUrl = (url: string, id: number, base64: boolean) =>
  `${url}/modelslab/out/${id}.${base64 ? "base64" : "png"}`;

/** The success body (ControlNetResponse / ImageGenerationSuccessResponse, DOCS openapi files). */
const success = (url: string, id: number, base64: boolean) => ({
  status: "success",
  generationTime: 0.05,
  id,
  output: [outputUrl(url, id, base64)],
  proxy_links: [outputUrl(url, id, base64)],
  meta: {},
});

/** Stores an output: the image, or its base64 text when the request set the flag. */
function keep(store: ModelsLabStore, png: Uint8Array, base64: boolean): number {
  store.outputs.push(base64 ? Buffer.from(Buffer.from(png).toString("base64")) : png);
  return store.outputs.length - 1;
}

/** ModelsLab's answer to a generation: its setup errors, the faults it really has, or success. */
export function answerModelsLab(
  url: string,
  store: ModelsLabStore,
  request: ModelsLabRequest,
  fault: FaultRule | null,
  png: Uint8Array | null,
): Reply | null {
  if (request.setupError) return request.setupError;
  switch (fault?.kind) {
    case undefined:
      return { status: 200, body: success(url, keep(store, png!, request.base64), request.base64) };
    case "loading": {
      // Still rendering: "processing" with eta, fetch_result and future_links (ControlNetResponse;
      // community-models ImageGenerationProcessingResponse); the fetch returns it when done.
      const id = keep(store, png!, request.base64);
      store.pending.add(id);
      const link = outputUrl(url, id, request.base64);
      return {
        status: 200,
        body: {
          status: "processing",
          tip: "Your image is processing in background, you can get this image using fetch API",
          eta: fault.estimatedTime ?? 0.05,
          message: "Your request is being processed",
          fetch_result: `${url}/modelslab/api/v6/images/fetch/${id}`,
          id,
          output: [],
          future_links: [link],
          meta: {},
        },
      };
    }
    case "rate_limit":
      // 429 with "retry_after" in seconds (error-codes.mdx, 429).
      return mlError(429, "Rate limit exceeded. Maximum 5 queued requests allowed.", {
        retry_after: fault.retryAfter ?? 0,
      });
    case "error500":
      return mlError(500, "Internal server error. Please try again."); // error-codes.mdx, 500
    case "no_credits":
      return mlError(402, "Insufficient credits. Please add more credits to continue."); // error-codes.mdx, 402
    case "bad_request":
      return mlError(400, "guidance_scale must be between 1 and 20"); // error-codes.mdx, Validation Errors
    case "non_image":
      store.outputs.push(Buffer.from("this is not an image"));
      return {
        status: 200,
        body: {
          ...success(url, store.outputs.length - 1, false),
          output: [`${url}/modelslab/out/${store.outputs.length - 1}.png`],
        },
      };
    case "hang":
      return null; // never answers; the client's timeout must fire
    default:
      return mlError(500, `fake provider: ${fault?.kind} is not something ModelsLab does`);
  }
}

/**
 * POST /api/v6/images/fetch/{id} with {key}: the finished output, or {status: "processing"} while
 * it renders (DOCS quickstart.mdx; image-editing/openapi.json FetchProcessingResponse; SDK base.ts
 * `fetch` polls until "success"). This fake finishes a job at its first fetch.
 */
export function fetchModelsLab(
  url: string,
  store: ModelsLabStore,
  id: number,
  payload: Record<string, unknown>,
): Reply {
  if (typeof payload.key !== "string" || payload.key === "") return mlError(401, "Invalid API key");
  const output = store.outputs[id];
  if (!output) return mlError(200, `Request not found: ${id}`);
  store.pending.delete(id);
  const base64 = !output.subarray(0, 8).every((b, i) => b === [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i]);
  return { status: 200, body: { status: "success", id, output: [outputUrl(url, id, base64)] } };
}

/** GET of an output file: its bytes. */
export function serveModelsLabOutput(res: ServerResponse, store: ModelsLabStore, id: number): boolean {
  const output = store.outputs[id];
  // A future link answers only once the job is done.
  if (!output || store.pending.has(id)) return false;
  res.writeHead(200, { "content-type": "application/octet-stream" });
  res.end(output);
  return true;
}
