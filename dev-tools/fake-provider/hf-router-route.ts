// The FAKE router's answers to one generation request (a test and demo tool): the image drawn
// from what was sent, the request recorded, and the faults each provider really has, as the
// client meets them (sources cited as in hf-router.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { FalQueue, readAll, routedRequest, tintImage, type RoutedInput } from "./hf-router";
import type { FaultRule, RecordedRequest } from "./server";

/** What the server lends this route: its fault picker, recorder, latency and drawings. */
export interface RouterTools {
  pickFault(trace: string, prompt: string): FaultRule | null;
  push(request: Omit<RecordedRequest, "seq">): void;
  latencyMs(): number;
  /** A pose: the skeleton on a background coloured by the prompt and the avatar. */
  pose(skeleton: Uint8Array, prompt: string, avatar: string | null, width: number, height: number): Uint8Array;
  /** An avatar from text: a standing figure coloured by prompt and seed. */
  text(prompt: string, seed: number | null, width: number, height: number): Uint8Array;
  /** Background removal: the picture with the person as its alpha. */
  cutOut(image: Uint8Array): Uint8Array;
}

const b64 = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString("base64") : null);

/** The request as the fake records every provider's (a pose's skeleton is its second image, the avatar its first). */
function recorded(
  input: RoutedInput,
  path: string,
  trace: string,
  authorization: string | null,
  fault: FaultRule | null,
): Omit<RecordedRequest, "seq"> {
  const [first, second] = input.images;
  return {
    protocol: "hf-router",
    path,
    trace,
    authorization,
    prompt: input.prompt,
    negativePrompt: input.negativePrompt,
    width: input.width,
    height: input.height,
    controlImage: b64(second ?? first) ?? "",
    avatarImage: second ? b64(first) : null,
    seed: input.seed,
    maskImage: null,
    checkpoint: null,
    controlnetModels: [],
    initImage: null,
    strength: null,
    fault: fault?.kind ?? null,
    at: Date.now(),
  };
}

/** The picture the fake model makes for this request. */
function draw(tools: RouterTools, input: RoutedInput): Uint8Array {
  const [first, second] = input.images;
  if (input.task === "text-to-image") return tools.text(input.prompt, input.seed, input.width, input.height);
  if (input.task === "image-segmentation") return tools.cutOut(first!);
  // Two images: the avatar, then the skeleton. One: an instruction edit of that picture.
  if (second) return tools.pose(second, input.prompt, b64(first), input.width, input.height);
  return tintImage(first!, input.prompt);
}

const json = (res: ServerResponse, reply: { status: number; body: unknown; headers?: Record<string, string> }) => {
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(JSON.stringify(reply.body));
};

/** The router's JSON error (HFI utils/request.js:35-63 reads `error`). */
const routerError = (status: number, error: string, headers?: Record<string, string>) => ({
  status,
  body: { error },
  headers,
});

/**
 * Faults at the router itself, before any provider runs: a rate limit (429 with Retry-After;
 * the header is UNCONFIRMED for the router) and exhausted credits ("You have exceeded your monthly
 * included credits for Inference Providers…", huggingface/agents-course issue #386; status 402 UNCONFIRMED).
 */
function routerFault(fault: FaultRule | null) {
  if (fault?.kind === "rate_limit")
    return routerError(429, "Rate limit reached.", { "retry-after": String(fault.retryAfter ?? 0) });
  if (fault?.kind === "no_credits")
    return routerError(
      402,
      "You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.",
    );
  return null;
}

/** POST /hf-router/{fal-ai|hf-inference}/…: one generation request. */
export async function handleRouted(
  tools: RouterTools,
  fal: FalQueue,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const parsed = routedRequest(url.pathname, await readAll(req));
  if (!parsed) return json(res, routerError(404, `fake provider: no route ${url.pathname}`));
  if ("error" in parsed) return json(res, parsed.error);
  const trace = String(req.headers["x-request-id"] ?? "");
  const fault = tools.pickFault(trace, parsed.prompt);
  tools.push(recorded(parsed, url.pathname, trace, (req.headers.authorization as string | undefined) ?? null, fault));
  const started = Date.now();
  const png = fault && fault.kind !== "loading" ? null : draw(tools, parsed);
  const wait = tools.latencyMs() - (Date.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  if (fault?.kind === "hang") return; // never answers; the client's deadline must fire
  const early = routerFault(fault);
  if (early) return json(res, early);
  if (parsed.provider === "hf-inference") return answerHfInference(res, fault, png);
  json(
    res,
    fal.submit(
      url.pathname.replace(/^\/hf-router\/fal-ai\//, ""),
      falResult(fal, parsed, fault, png),
      fault?.kind === "loading" ? 1 : 0,
    ),
  );
}

/**
 * fal's result for the request: an error body for a failed job — 422 `{detail: [{loc, msg,
 * type}]}` for invalid input, other errors `{detail: "…"}` (FALJS libs/client/src/response.ts:49-106)
 * — or the output: `{images: [Image]}` (FALJS endpoints.ts 60955-60977) or, for background
 * removal, `{image: Image}` (BGRemoveOutput, FALJS endpoints.ts:18720-18725). With `sync_mode`
 * the image comes "directly in the response without going through the CDN" (the field's
 * description, FALJS endpoints.ts), as a data URL here.
 */
function falResult(fal: FalQueue, input: RoutedInput, fault: FaultRule | null, png: Uint8Array | null) {
  if (fault?.kind === "error500") return { status: 500, body: { detail: "Internal Server Error" } };
  if (fault?.kind === "bad_request")
    return {
      status: 422,
      body: { detail: [{ loc: ["body", "image_urls"], msg: "Could not load the image", type: "value_error" }] },
    };
  if (fault?.kind === "non_image")
    return {
      status: 200,
      body: { images: [{ url: fal.file(Buffer.from("<html>not an image</html>"), "text/html") }] },
    };
  const image = {
    url: input.syncMode ? `data:image/png;base64,${b64(png!)}` : fal.file(png!),
    content_type: "image/png",
    width: input.width,
    height: input.height,
  };
  if (input.task === "image-segmentation") return { status: 200, body: { image } };
  return {
    status: 200,
    body: { images: [image], seed: input.seed ?? 0, prompt: input.prompt, has_nsfw_concepts: [false], timings: {} },
  };
}

/**
 * hf-inference answers synchronously: the image's raw bytes (HUBDOCS tasks/text-to-image.md
 * "Response"), errors as `{error}`; a cold model 503 `{error, estimated_time}` (UNCONFIRMED for 2026).
 */
function answerHfInference(res: ServerResponse, fault: FaultRule | null, png: Uint8Array | null): void {
  switch (fault?.kind) {
    case "loading":
      return json(res, {
        status: 503,
        body: { error: "Model is currently loading", estimated_time: fault.estimatedTime ?? 0.05 },
      });
    case "error500":
      return json(res, routerError(500, "Internal Server Error"));
    case "bad_request":
      return json(res, routerError(400, "The input is not valid for this model"));
    case "non_image":
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>Service page</html>");
      return;
  }
  res.writeHead(200, { "content-type": "image/png" });
  res.end(png!);
}
