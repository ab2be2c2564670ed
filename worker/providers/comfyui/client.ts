// A small ComfyUI client over plain fetch: upload, queue, wait (polling /history), view, and the
// node info the setup check reads. Neither kept JS client runs here with a token:
// @saintno/comfyui-sdk imports `ws` (its browser stub throws under workerd's build conditions) and
// pulls in ink/react; @stable-canvas/comfyui-client opens a WebSocket that can carry no
// Authorization header and uses process.nextTick. Five HTTP routes are all we need.
// Routes and shapes: Comfy-Org/ComfyUI@a125cd84b054a57729b5eecab930ca9408719832 server.py.
import { ProviderError, errorForStatus, parseRetryAfter } from "../provider";
import type { ComfyNode } from "./workflow";

const NAME = "comfyui";

export interface ComfyTarget {
  baseUrl: string;
  token?: string;
}

/** An output file as SaveImage lists it (nodes.py:1605-1614). */
export interface ImageRef {
  filename: string;
  subfolder: string;
  type: string;
}

/**
 * One finished prompt in /history/{id} (execution.py:1112-1134, status from main.py:197-202):
 * each node's ui by node id — SaveImage's images, a comfyui_controlnet_aux pose estimator's
 * openpose_json (node_wrappers/dwpose.py; execution.py:506-517, 708-718).
 */
export interface HistoryEntry {
  outputs: Record<string, { images?: ImageRef[]; openpose_json?: unknown[] }>;
  status: { status_str: "success" | "error"; completed: boolean; messages: [string, Record<string, unknown>][] } | null;
}

/** A node's /object_info entry; combo inputs are [[options…], {…}?] (server.py:598-625). */
export interface NodeInfo {
  input: { required?: Record<string, unknown[]>; optional?: Record<string, unknown[]> };
}

/** The calls of one provider request, all within one deadline. */
export class ComfyClient {
  constructor(
    private readonly target: ComfyTarget,
    /** Epoch ms by which the whole request must be done. */
    readonly deadline: number,
    private readonly signal?: AbortSignal,
    private readonly traceId?: string,
  ) {}

  get baseUrl() {
    return this.target.baseUrl;
  }

  /** POST /upload/image (server.py:316-367): multipart `image`, answers {name, subfolder, type}. */
  async upload(bytes: Uint8Array, filename: string, contentType: string): Promise<string> {
    const form = new FormData();
    form.append("image", new Blob([bytes], { type: contentType }), filename);
    form.append("type", "input");
    // Our names are unique; overwrite keeps a retried upload from becoming "name (1).png" (server.py:341-351).
    form.append("overwrite", "true");
    const res = await this.call("/upload/image", { method: "POST", body: form });
    const body = (await res.json().catch(() => null)) as { name?: unknown } | null;
    if (typeof body?.name !== "string") throw bad("ComfyUI answered an upload without a file name.");
    return body.name;
  }

  /** POST /prompt (server.py:674-720): 200 {prompt_id, number, node_errors}; 400 {error, node_errors}. */
  async queue(prompt: Record<string, ComfyNode>, clientId: string, promptId: string): Promise<void> {
    await this.call("/prompt", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt, client_id: clientId, prompt_id: promptId }),
    });
  }

  /** GET /history/{id} (server.py:661-664): `{}` until the prompt is done, then {id: entry}. */
  async history(promptId: string): Promise<HistoryEntry | null> {
    const res = await this.call(`/history/${encodeURIComponent(promptId)}`);
    const body = (await res.json().catch(() => null)) as Record<string, HistoryEntry> | null;
    if (!body || typeof body !== "object") throw bad("ComfyUI's history answer is not JSON.");
    return body[promptId] ?? null;
  }

  /** GET /view (server.py:416-518): the file's bytes; 404 when it is not there. */
  async view(image: ImageRef): Promise<Uint8Array> {
    const query = new URLSearchParams({ filename: image.filename, subfolder: image.subfolder, type: image.type });
    const res = await this.call(`/view?${query}`, {}, { 404: "bad_response" });
    return new Uint8Array(await res.arrayBuffer());
  }

  /** GET /object_info/{class} (server.py:639-645): `{}` when no such node is installed. */
  async nodeInfo(nodeClass: string): Promise<NodeInfo | null> {
    const res = await this.call(`/object_info/${encodeURIComponent(nodeClass)}`);
    const body = (await res.json().catch(() => null)) as Record<string, NodeInfo> | null;
    return body?.[nodeClass] ?? null;
  }

  /** Drops a prompt we stopped waiting for: out of the queue (server.py:722-734) or interrupted (736-766). */
  async cancel(promptId: string): Promise<void> {
    const post = (path: string, body: unknown) =>
      fetch(`${this.baseUrl}${path}`, {
        method: "POST",
        headers: { ...this.headers(), "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      }).then(
        (r) => r.body?.cancel(),
        () => undefined,
      );
    await Promise.all([post("/queue", { delete: [promptId] }), post("/interrupt", { prompt_id: promptId })]);
  }

  private headers(): Record<string, string> {
    return {
      ...(this.target.token ? { authorization: `Bearer ${this.target.token}` } : {}),
      ...(this.traceId ? { "x-request-id": this.traceId } : {}),
    };
  }

  /** One request within the deadline; failures become ProviderErrors that say what to do. */
  private async call(path: string, init: RequestInit = {}, kinds: Record<number, "bad_response"> = {}) {
    const left = this.deadline - Date.now();
    if (left <= 0) throw timedOut(this.baseUrl);
    const timeout = AbortSignal.timeout(left);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, { ...init, headers: { ...this.headers(), ...init.headers }, signal });
    } catch (err) {
      const name = (err as { name?: string })?.name;
      if (name === "TimeoutError" || name === "AbortError") throw timedOut(this.baseUrl);
      const reason = String((err as Error)?.message ?? err);
      throw new ProviderError("server", `${reason}: could not reach ComfyUI at ${this.baseUrl}.`, NAME);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => "");
    if (res.status === 400 && path === "/prompt") throw promptError(text);
    if (res.status === 401 || res.status === 403)
      throw new ProviderError(
        "not_configured",
        `ComfyUI at ${this.baseUrl} refused the request (HTTP ${res.status}); check COMFYUI_TOKEN, sent as "Authorization: Bearer".`,
        NAME,
      );
    const route = path.split("?")[0]!;
    if (kinds[res.status]) throw bad(`ComfyUI answered HTTP ${res.status} for ${route}.`);
    if (res.status === 404 || res.status === 405)
      throw new ProviderError(
        "not_configured",
        `${this.baseUrl} has no ComfyUI API (HTTP ${res.status} for ${route}); check COMFYUI_URL.`,
        NAME,
      );
    const message = `ComfyUI answered HTTP ${res.status} for ${route}${text ? `: ${text.slice(0, 300)}` : ""}`;
    throw errorForStatus(NAME, res.status, message, parseRetryAfter(res.headers.get("retry-after")));
  }
}

const bad = (message: string) => new ProviderError("bad_response", message, NAME);
const timedOut = (baseUrl: string) =>
  new ProviderError("timeout", `ComfyUI at ${baseUrl} did not finish in time.`, NAME);

interface ComfyError {
  type?: string;
  message?: string;
  details?: string;
}

/**
 * A 400 from /prompt in ComfyUI's own words: `error` {type, message, details} and `node_errors`
 * {id: {errors: [{message, details}], class_type}} (server.py:710-720, execution.py:966-1071). A
 * node class it does not have is a setup problem; anything else is this workflow refused.
 */
export function promptError(text: string): ProviderError {
  let body: {
    error?: ComfyError | string;
    node_errors?: Record<string, { errors?: ComfyError[]; class_type?: string }>;
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return new ProviderError(
      "rejected",
      `ComfyUI refused the workflow: ${text.slice(0, 300) || "HTTP 400"}`,
      NAME,
      undefined,
      400,
    );
  }
  const error: ComfyError = typeof body.error === "string" ? { message: body.error } : (body.error ?? {});
  const perNode = Object.entries(body.node_errors ?? {}).flatMap(([id, n]) =>
    (n.errors ?? []).map((e) => `${n.class_type ?? "node"} #${id}: ${e.message}${e.details ? ` (${e.details})` : ""}`),
  );
  const head = [error.message, perNode.length === 0 ? error.details : ""].filter(Boolean).join(": ");
  const message = `ComfyUI refused the workflow: ${[head, ...perNode].join("; ")}`;
  const missingNode = error.type === "invalid_prompt" && /does not exist/.test(error.message ?? "");
  if (missingNode)
    return new ProviderError(
      "not_configured",
      `${message}. Install the custom node that provides it, or update ComfyUI.`,
      NAME,
      undefined,
      400,
    );
  return new ProviderError("rejected", message, NAME, undefined, 400);
}
