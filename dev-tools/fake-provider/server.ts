// A FAKE image provider for tests and local demos — never used by production code paths.
// Speaks the Hugging Face dedicated endpoint protocol of hf-endpoint/handler.py (POST /hf/*: JSON
// {inputs: base64, parameters} or raw bytes; errors 400 {"error"} as the inference toolkit answers
// any handler exception, webservice_starlette.py:133-139; POST /hf/text*: text-to-image, JSON {inputs: prompt, parameters}; POST /hf/inpaint*: JSON
// {inputs: base64 image, parameters: {prompt, mask_image}}; POST /hf/segment*: person segmentation,
// answering [{label: "person", score, mask}] with everything unlike the image's corner colour; Segmind models named *inpainting* take
// {image, mask}; inpainting answers the image with the masked region painted a prompt colour), AUTOMATIC1111's (POST /sdapi/v1/txt2img and img2img and its model lists, to its real contract: see a1111.ts), Segmind's (POST /segmind/{model}) and
// ModelsLab's (POST /modelslab/api/v5/controlnet and /api/v6/images/inpaint, to its real contract: see modelslab.ts),
// Hugging Face's Hub mapping API, router and fal queue (/hf-hub, /hf-router, /fal-cdn: hf-router.ts),
// answers with a deterministic image made from what it received (pictures.ts), records every
// request, and injects faults on demand through /__fake/*:
//   POST /__fake/config  {latencyMs?, faults?: FaultRule[], append?, clearTrace?}   POST /__fake/reset
//   GET  /__fake/requests?trace=PREFIX                          GET  /__fake/health
//   POST /__fake/inputs (image bytes) → {url}: stands in for our own origin's provider-input URLs in
//   Worker tests, where nothing outside workerd can reach the Worker; GET /__fake/inputs/{id} serves it
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import { BUILT_IN_TEMPLATES } from "../../shared/templates/built-in";
import { buildFigure } from "../../shared/templates/figure";
import { a1111Check, a1111Detect, a1111Error, a1111Get, a1111Route, a1111Start, loadedCheckpoint } from "./a1111";
import { handleComfyUi } from "./comfyui";
import { FalQueue, hubModel } from "./hf-router";
import { handleRouted, type RouterTools } from "./hf-router-route";
import {
  answerModelsLab,
  fetchModelsLab,
  modelsLabRoute,
  readModelsLabRequest,
  serveModelsLabOutput,
  type ModelsLabRequest,
  type ModelsLabStore,
} from "./modelslab";
import { cutOutImage, deterministicImage, imageSize, inpaintImage, resizedPng, segmentImage } from "./pictures";
import { segmindCheck, segmindFault, segmindInpaintSize, segmindModel } from "./segmind";

export type FaultKind = "loading" | "rate_limit" | "error500" | "hang" | "non_image" | "bad_request" | "no_credits";

export interface FaultRule {
  kind: FaultKind;
  /** Only requests whose x-request-id starts with this (tests scope faults to their own user). */
  trace?: string;
  /** Only requests whose prompt contains this. */
  match?: string;
  /** How many matching requests it hits (default: all). */
  times?: number;
  /** Chance per matching request, 0–1 (default 1), from a seeded generator. */
  probability?: number;
  estimatedTime?: number;
  retryAfter?: number;
}

export interface RecordedRequest {
  seq: number;
  protocol: "hf" | "hf-router" | "a1111" | "segmind" | "modelslab";
  path: string;
  trace: string;
  authorization: string | null;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  controlImage: string;
  avatarImage: string | null;
  /** Text-to-image and anything else that sends one. */
  seed: number | null;
  /** Inpainting: the mask (base64 PNG) it was sent. */
  maskImage: string | null;
  /** A1111: the checkpoint loaded when the request ran (after its override_settings). */
  checkpoint: string | null;
  /** A1111: the ControlNet units' models, in order. */
  controlnetModels: string[];
  /** img2img (A1111 init_images[0], ModelsLab init_image beside a control_image): the starting picture, base64. */
  initImage: string | null;
  /** How much it may change it (A1111 denoising_strength, ModelsLab strength). */
  strength: number | null;
  fault: FaultKind | null;
  at: number;
  /** When its answer started, after the latency (handleGenerate's requests; for benches' timelines). */
  answeredAt?: number;
}

interface State extends ModelsLabStore {
  url: string;
  latencyMs: number;
  faults: FaultRule[];
  requests: RecordedRequest[];
  seed: number;
  /** Images stashed by tests to be fetched by URL (POST /__fake/inputs). */
  inputs: { bytes: Uint8Array; type: string }[];
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function nextRandom(state: State) {
  state.seed = (state.seed * 1103515245 + 12345) % 2147483648;
  return state.seed / 2147483648;
}

function pickFault(state: State, trace: string, prompt: string): FaultRule | null {
  for (const rule of state.faults) {
    if (rule.trace && !trace.startsWith(rule.trace)) continue;
    if (rule.match && !prompt.includes(rule.match)) continue;
    if (rule.times !== undefined && rule.times <= 0) continue;
    if (rule.probability !== undefined && nextRandom(state) >= rule.probability) continue;
    if (rule.times !== undefined) rule.times--;
    return rule;
  }
  return null;
}

async function handleGenerate(
  state: State,
  protocol: RecordedRequest["protocol"],
  req: IncomingMessage,
  res: ServerResponse,
  a1111?: NonNullable<ReturnType<typeof a1111Route>>,
) {
  const body = await readBody(req);
  let setupError: { status: number; body: unknown } | null = null;
  let controlnetModels: string[] = [];
  let prompt = "";
  let negativePrompt = "";
  let width = 512;
  let height = 768;
  let control: Uint8Array = new Uint8Array(body);
  let avatar: string | null = null;
  let seed: number | null = null;
  let mask: Uint8Array | null = null;
  let initImage: string | null = null;
  let strength: number | null = null;
  let modelsLab: ModelsLabRequest | null = null;
  const segmenting = protocol === "hf" && !!req.url?.startsWith("/hf/segment");
  if (segmenting) {
    const payload = JSON.parse(body.toString("utf8")) as { inputs: string };
    control = Buffer.from(payload.inputs, "base64");
  } else if (protocol === "hf" && req.url?.startsWith("/hf/inpaint")) {
    const payload = JSON.parse(body.toString("utf8")) as { inputs: string; parameters?: Record<string, unknown> };
    const p = payload.parameters ?? {};
    control = Buffer.from(payload.inputs, "base64");
    mask = Buffer.from(String(p.mask_image ?? ""), "base64");
    prompt = String(p.prompt ?? "");
    negativePrompt = String(p.negative_prompt ?? "");
    const size = p.target_size as { width?: number; height?: number } | undefined;
    width = size?.width ?? width;
    height = size?.height ?? height;
  } else if (protocol === "hf" && req.url?.startsWith("/hf/text")) {
    // Text-to-image: the "photo" is a standing figure on a background coloured by prompt and seed.
    const payload = JSON.parse(body.toString("utf8")) as { inputs: string; parameters?: Record<string, unknown> };
    const p = payload.parameters ?? {};
    prompt = String(payload.inputs ?? "");
    negativePrompt = String(p.negative_prompt ?? "");
    width = Number(p.width ?? width);
    height = Number(p.height ?? height);
    seed = typeof p.seed === "number" ? p.seed : null;
    control = renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, width, height));
  } else if (protocol === "hf") {
    if (req.headers["content-type"]?.startsWith("application/json")) {
      const payload = JSON.parse(body.toString("utf8")) as { inputs: string; parameters?: Record<string, unknown> };
      const p = payload.parameters ?? {};
      control = Buffer.from(payload.inputs, "base64");
      prompt = String(p.prompt ?? "");
      negativePrompt = String(p.negative_prompt ?? "");
      const size = p.target_size as { width?: number; height?: number } | undefined;
      width = size?.width ?? width;
      height = size?.height ?? height;
      avatar = typeof p.reference_image === "string" ? p.reference_image : null;
      // Our endpoint handler seeds its generator from parameters.seed when given
      // (hf-endpoint/handler.py `generator()`, reads params.get("seed")).
      seed = typeof p.seed === "number" ? p.seed : null;
    }
  } else if (protocol === "modelslab") {
    const payload = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    const route = modelsLabRoute(req.method ?? "", new URL(req.url ?? "/", "http://x").pathname)!.route;
    modelsLab = await readModelsLabRequest(route, payload);
    const { init_image: init, control_image: controlImage, mask_image: maskImage } = modelsLab.images;
    prompt = String(payload.prompt ?? "");
    negativePrompt = String(payload.negative_prompt ?? "");
    width = Number(payload.width ?? 512);
    height = Number(payload.height ?? 512);
    // ControlNet: control_image is the map, init_image the picture it starts from (the same map
    // when there is none); inpainting: init_image is the picture, mask_image the mask (modelslab.ts).
    control = controlImage ?? init ?? new Uint8Array();
    if (controlImage && init && !Buffer.from(init).equals(Buffer.from(controlImage))) {
      initImage = Buffer.from(init).toString("base64");
      strength = typeof payload.strength === "number" ? payload.strength : null;
    }
    mask = maskImage ?? null;
  } else {
    // A1111 and Segmind share flat fields; only where the images sit differs.
    const payload = JSON.parse(body.toString("utf8")) as Record<string, unknown> & {
      alwayson_scripts?: { controlnet?: { args?: { image?: string; module?: string; model?: string }[] } };
      override_settings?: { sd_model_checkpoint?: unknown };
    };
    if (a1111) {
      const start = a1111Start(a1111.path, payload);
      ({ initImage, strength } = start);
      setupError = start.error ?? a1111Check(a1111, payload);
      controlnetModels = (payload.alwayson_scripts?.controlnet?.args ?? []).map((u) => String(u.model ?? ""));
    }
    prompt = String(payload.prompt ?? "");
    negativePrompt = String(payload.negative_prompt ?? "");
    width = Number(payload.width ?? width);
    height = Number(payload.height ?? height);
    if (protocol === "segmind") {
      // Segmind's models take no width/height; sd1.5-inpainting draws at img_width × img_height (segmind.ts).
      const model = segmindModel(new URL(req.url ?? "/", "http://x").pathname) ?? "";
      setupError = segmindCheck(model, req.headers["x-api-key"] as string | undefined, payload);
      [width, height] = segmindInpaintSize(model, payload) ?? imageSize(String(payload.image ?? "")) ?? [width, height];
    }
    const units = payload.alwayson_scripts?.controlnet?.args ?? [];
    const image = protocol === "segmind" ? payload.image : units[0]?.image;
    control = Buffer.from(String(image ?? ""), "base64");
    avatar = units[1]?.image ?? null;
    const maskField = payload.mask ?? payload.mask_image;
    if (typeof maskField === "string") mask = Buffer.from(maskField, "base64");
  }
  const trace = String(req.headers["x-request-id"] ?? "");
  const fault = pickFault(state, trace, prompt);
  const record: RecordedRequest = {
    seq: state.requests.length,
    protocol,
    path: req.url ?? "",
    trace,
    authorization: (req.headers.authorization as string | undefined) ?? null,
    prompt,
    negativePrompt,
    width,
    height,
    controlImage: Buffer.from(control).toString("base64"),
    avatarImage: avatar,
    seed,
    maskImage: mask ? Buffer.from(mask).toString("base64") : null,
    checkpoint: a1111 ? loadedCheckpoint(a1111.name) : null,
    controlnetModels,
    initImage,
    strength,
    fault: fault?.kind ?? null,
    at: Date.now(),
  };
  state.requests.push(record);
  // The image is made first and counts toward the latency, so answers take latencyMs, not more.
  const arrived = Date.now();
  // ModelsLab's "processing" still produces an image, fetched later.
  const needsImage = modelsLab?.setupError ? false : !fault || (protocol === "modelslab" && fault.kind === "loading");
  const colourKey = seed === null ? prompt : `${prompt}#seed=${seed}`;
  const removing = protocol === "segmind" && !!req.url?.includes("bg-removal");
  const png = !needsImage
    ? null
    : removing
      ? cutOutImage(control)
      : segmenting
        ? segmentImage(control)
        : mask
          ? protocol === "segmind"
            ? resizedPng(inpaintImage(control, mask, prompt), width, height)
            : inpaintImage(control, mask, prompt)
          : deterministicImage(control, colourKey, avatar, width, height);
  const wait = state.latencyMs - (Date.now() - arrived);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  record.answeredAt = Date.now();
  const err = (
    status: number,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => json(res, status, protocol === "hf" ? { error: message, ...extra } : { detail: message, ...extra }, headers);
  if (modelsLab) {
    const reply = answerModelsLab(state.url, state, modelsLab, fault, png);
    return reply && json(res, reply.status, reply.body);
  }
  if (protocol === "a1111") return answerA1111(res, setupError, fault, png);
  if (protocol === "segmind" && setupError) return json(res, setupError.status, setupError.body);
  if (protocol === "segmind" && fault) return segmindFault(res, fault.kind, json);
  switch (fault?.kind) {
    case "loading":
      return err(503, "Model fake/controlnet is currently loading", { estimated_time: fault.estimatedTime ?? 0.05 });
    case "rate_limit":
      return err(
        429,
        "Rate limit reached. You reached free usage limit (reset hourly).",
        {},
        { "retry-after": String(fault.retryAfter ?? 0) },
      );
    case "error500":
      return err(500, "Internal Server Error");
    case "bad_request":
      return err(400, "The input image is not valid for this model");
    case "hang":
      return; // never answer; the client's timeout must fire
    case "non_image":
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body>Service page</body></html>");
  }
  if (segmenting) return json(res, 200, [{ label: "person", score: 0.99, mask: Buffer.from(png!).toString("base64") }]);
  // The endpoint handler's image answers follow the Accept header: raw bytes for image/*, else a
  // JSON base64 string (huggingface-inference-toolkit @833b5a2e serialization/image_utils.py:12-20,
  // json_utils.py:8-24; hf-endpoint/README.md). A1111, Segmind and ModelsLab have their own answers above.
  if (protocol === "hf" && !String(req.headers.accept ?? "").startsWith("image/"))
    return json(res, 200, Buffer.from(png!).toString("base64"));
  res.writeHead(200, { "content-type": "image/png" });
  res.end(png!);
}

/** A1111's answers: its setup errors, the faults it really has, or `{images, parameters, info}`. */
function answerA1111(
  res: ServerResponse,
  setupError: { status: number; body: unknown } | null,
  fault: FaultRule | null,
  png: Uint8Array | null,
) {
  if (setupError) return json(res, setupError.status, setupError.body);
  switch (fault?.kind) {
    case undefined:
      // A1111 modules/api/api.py text2imgapi: TextToImageResponse(images, parameters, info as a JSON string).
      return json(res, 200, { images: [Buffer.from(png!).toString("base64")], parameters: {}, info: "{}" });
    case "error500":
      // Any exception while drawing is a 500 in handle_exception's shape (A1111 modules/api/api.py).
      return json(res, 500, a1111Error("OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB"));
    case "bad_request":
      // An unknown sampler: HTTPException(404, "Sampler not found") (A1111 modules/api/api.py validate_sampler_name).
      return json(res, 404, a1111Error("HTTPException", "404: Sampler not found", "Sampler not found"));
    case "hang":
      return;
    default:
      // A1111 has no cold start, no rate limit and no non-image answer: a test asking for one is wrong.
      return json(res, 500, { error: `fake provider: ${fault?.kind} is not something A1111 does` });
  }
}

/** What the fake router borrows from the server: its faults, recorder, latency and drawings. */
function routerTools(state: State): RouterTools {
  return {
    pickFault: (trace, prompt) => pickFault(state, trace, prompt),
    latencyMs: () => state.latencyMs,
    push: (request) => state.requests.push({ seq: state.requests.length, ...request }),
    pose: deterministicImage,
    text: (prompt, seed, width, height) =>
      deterministicImage(
        renderSkeletonPng(buildFigure(BUILT_IN_TEMPLATES[0]!.figure, width, height)),
        seed === null ? prompt : `${prompt}#seed=${seed}`,
        null,
        width,
        height,
      ),
    cutOut: cutOutImage,
  };
}

/** The settings that point every Hugging Face adapter at this FAKE server (any placeholder token). */
export function huggingFaceVars(url: string, token: string) {
  return {
    HF_TOKEN: token,
    HF_ENDPOINT_URL: `${url}/hf/sd`,
    HF_ENDPOINT_URL_HD: `${url}/hf/hd`,
    HF_TEXT_ENDPOINT_URL: `${url}/hf/text`,
    HF_INPAINTING_ENDPOINT_URL: `${url}/hf/inpaint`,
    HF_SEGMENTATION_ENDPOINT_URL: `${url}/hf/segment`,
  };
}

export interface FakeProvider {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (port 0 picks a free one); `unref` lets the test process exit around it. */
export async function startFakeProvider(port = 0, { unref = false } = {}): Promise<FakeProvider> {
  const state: State = {
    url: "",
    outputs: [],
    pending: new Set(),
    latencyMs: 0,
    faults: [],
    requests: [],
    seed: 42,
    inputs: [],
  };
  const hanging = new Set<ServerResponse>();
  const fal = new FalQueue(() => state.url);
  const router = routerTools(state);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const route = `${req.method} ${url.pathname}`;
    hanging.add(res);
    res.on("close", () => hanging.delete(res));
    const done = (p: Promise<unknown>) =>
      Promise.resolve(p).catch((e: unknown) => json(res, 500, { error: `fake provider: ${String(e)}` }));
    if (route === "GET /__fake/health") return json(res, 200, { ok: true, fake: true });
    if (route === "GET /__fake/requests") {
      const trace = url.searchParams.get("trace") ?? "";
      return json(
        res,
        200,
        state.requests.filter((r) => r.trace.startsWith(trace)),
      );
    }
    if (route === "POST /__fake/inputs")
      return done(
        readBody(req).then((b) => {
          state.inputs.push({ bytes: b, type: String(req.headers["content-type"] ?? "application/octet-stream") });
          json(res, 200, { url: `${state.url}/__fake/inputs/${state.inputs.length - 1}` });
        }),
      );
    const input = /^\/__fake\/inputs\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && input && state.inputs[Number(input[1])]) {
      const { bytes, type } = state.inputs[Number(input[1])]!;
      res.writeHead(200, { "content-type": type });
      return res.end(bytes);
    }
    if (route === "POST /__fake/reset") {
      Object.assign(state, { latencyMs: 0, faults: [], requests: [], seed: 42, outputs: [], pending: new Set() });
      return json(res, 200, { ok: true });
    }
    if (route === "POST /__fake/config") {
      return done(
        readBody(req).then((b) => {
          const cfg = JSON.parse(b.toString("utf8")) as {
            latencyMs?: number;
            faults?: FaultRule[];
            append?: boolean;
            clearTrace?: string;
          };
          if (cfg.latencyMs !== undefined) state.latencyMs = cfg.latencyMs;
          if (cfg.clearTrace) state.faults = state.faults.filter((f) => !f.trace?.startsWith(cfg.clearTrace!));
          if (cfg.faults) state.faults = cfg.append ? [...state.faults, ...cfg.faults] : cfg.faults;
          json(res, 200, { ok: true });
        }),
      );
    }
    if (url.pathname.startsWith("/comfyui/")) return done(handleComfyUi(req, res, url)); // ComfyUI: comfyui.ts
    // Hugging Face's Hub mapping API, router and fal's CDN: hf-router.ts.
    const hub = req.method === "GET" ? hubModel(url.pathname) : null;
    if (hub) return json(res, hub.status, hub.body);
    if (req.method === "POST" && url.pathname.startsWith("/hf-router/"))
      return done(handleRouted(router, fal, req, res, url));
    const queued = req.method === "GET" ? fal.answer(url.pathname) : null;
    if (queued) return json(res, queued.status, queued.body, queued.headers);
    if (req.method === "GET" && url.pathname.startsWith("/fal-cdn/") && fal.cdn(url.pathname, res)) return;
    if (req.method === "POST" && url.pathname.startsWith("/hf/")) return done(handleGenerate(state, "hf", req, res));
    const a1111 = a1111Route(url.pathname);
    if (a1111 && req.method === "GET") {
      const reply = a1111Get(a1111);
      return json(res, reply.status, reply.body);
    }
    if (a1111 && req.method === "POST" && a1111.path === "/controlnet/detect")
      return done(
        readBody(req).then((b) => {
          const reply = a1111Detect(a1111.setup, JSON.parse(b.toString("utf8") || "{}") as Record<string, unknown>);
          json(res, reply.status, reply.body);
        }),
      );
    if (a1111 && req.method === "POST" && ["/sdapi/v1/txt2img", "/sdapi/v1/img2img"].includes(a1111.path))
      return done(handleGenerate(state, "a1111", req, res, a1111));
    if (req.method === "POST" && url.pathname.startsWith("/segmind/"))
      return done(handleGenerate(state, "segmind", req, res));
    const modelsLabCall = modelsLabRoute(req.method ?? "", url.pathname);
    if (modelsLabCall?.route === "controlnet" || modelsLabCall?.route === "inpaint")
      return done(handleGenerate(state, "modelslab", req, res));
    if (modelsLabCall?.route === "fetch")
      return done(
        readBody(req).then((b) => {
          const reply = fetchModelsLab(state.url, state, modelsLabCall.id!, JSON.parse(b.toString("utf8") || "{}"));
          json(res, reply.status, reply.body);
        }),
      );
    if (modelsLabCall?.route === "output" && serveModelsLabOutput(res, state, modelsLabCall.id!)) return;
    json(res, 404, { error: `fake provider: no route ${route}` });
  });
  // Node closes an idle keep-alive connection after 5 s; workerd may then write its next request
  // onto that socket as it closes ("Network connection lost"). Idle connections stay open longer.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  if (unref) server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.url = url;
  return {
    url,
    server,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
      }),
  };
}
