// The FAKE ComfyUI server — a test tool, never used by production code. Mounted by server.ts at
// /comfyui/{instance}/…, each instance its own server (own models, uploads, queue, history), so
// every test points COMFYUI_URL at its own. Routes, bodies, status codes and error shapes are
// ComfyUI's: Comfy-Org/ComfyUI@a125cd84b054a57729b5eecab930ca9408719832 server.py (cited per
// route). A queued prompt "runs" by drawing a PNG from what the graph loads (comfyui-render.ts).
// Test controls: POST …/__fake/config {checkpoints?, controlnets?, missingNodes?, neverFinish?,
// runMs?, executionError?}; GET …/__fake/log → {requests, prompts}.
import type { IncomingMessage, ServerResponse } from "node:http";
import { NODES, nodeInfo, type NodeWorld } from "./comfyui-nodes";
import { renderPrompt, type Graph } from "./comfyui-render";
import { validatePrompt } from "./comfyui-validate";
import { annotatedFile, loadedImage, poseEstimates } from "./comfyui-pose-estimates";

export interface ComfyFakeConfig {
  checkpoints: string[];
  controlnets: string[];
  /** Node classes this server lacks (a custom node not installed, an old ComfyUI). */
  missingNodes: string[];
  /** Queued prompts never finish (a stuck or very busy GPU). */
  neverFinish: boolean;
  /** How long a prompt runs once queued. */
  runMs: number;
  /** Prompts fail while running, as an execution_error (execution.py:635-646). */
  executionError: { exception_type: string; exception_message: string } | null;
}

export interface ComfyLogEntry {
  method: string;
  path: string;
  authorization: string | null;
  trace: string;
  body?: unknown;
}

interface Instance {
  config: ComfyFakeConfig;
  inputs: Map<string, Uint8Array>;
  outputs: Map<string, Uint8Array>;
  temps: Map<string, Uint8Array>;
  /** Queued, not finished: the first one is running (execution.py PromptQueue). */
  queue: Map<string, [number, string, Graph, Record<string, unknown>, string[]]>;
  history: Map<string, unknown>;
  prompts: { prompt_id: string; client_id?: string; prompt: Graph }[];
  log: ComfyLogEntry[];
  number: number;
}

const DEFAULTS: ComfyFakeConfig = {
  checkpoints: ["v1-5-pruned-emaonly.safetensors", "sd_xl_base_1.0.safetensors"],
  controlnets: ["control_v11p_sd15_openpose.pth", "thibaud_xl_openpose.safetensors"],
  missingNodes: [],
  neverFinish: false,
  runMs: 30,
  executionError: null,
};

const instances = new Map<string, Instance>();
let saved = 0;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};
// aiohttp's bare web.Response(status=…) has an empty body.
const empty = (res: ServerResponse, status: number) => {
  res.writeHead(status);
  res.end();
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Handles /comfyui/{instance}/… (and the /api/… copies of every route, server.py:802-814). */
export async function handleComfyUi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const [, , name = "default", ...rest] = url.pathname.split("/");
  const path = `/${rest.join("/")}`.replace(/^\/api(?=\/)/, "");
  let inst = instances.get(name);
  if (!inst) {
    inst = {
      config: { ...DEFAULTS },
      inputs: new Map(),
      outputs: new Map(),
      temps: new Map(),
      queue: new Map(),
      history: new Map(),
      prompts: [],
      log: [],
      number: 0,
    };
    instances.set(name, inst);
  }
  const body = req.method === "POST" ? await readBody(req) : Buffer.alloc(0);
  const route = `${req.method} ${path}`;
  if (route === "POST /__fake/config") {
    Object.assign(inst.config, JSON.parse(body.toString("utf8") || "{}"));
    return json(res, 200, { ok: true });
  }
  if (route === "GET /__fake/log") return json(res, 200, { requests: inst.log, prompts: inst.prompts });
  const isJson = req.headers["content-type"]?.startsWith("application/json");
  inst.log.push({
    method: req.method ?? "",
    path: `${path}${url.search}`,
    authorization: req.headers.authorization ?? null,
    trace: String(req.headers["x-request-id"] ?? ""),
    ...(isJson ? { body: JSON.parse(body.toString("utf8") || "null") } : {}),
  });
  const world: NodeWorld = {
    checkpoints: inst.config.checkpoints,
    controlnets: inst.config.controlnets,
    inputs: [...inst.inputs.keys()],
    outputs: [...inst.outputs.keys()],
  };
  const has = (c: string) => c in NODES && !inst.config.missingNodes.includes(c);
  if (route === "POST /upload/image") return upload(inst, req, body, res);
  if (route === "POST /prompt") return queuePrompt(inst, world, has, body, res);
  const history = /^\/history\/(.+)$/.exec(path);
  // server.py:661-664 and execution.py:1173-1198: `{}` until done (and for unknown ids).
  if (req.method === "GET" && history) {
    const entry = inst.history.get(decodeURIComponent(history[1]!));
    return json(res, 200, entry ? { [decodeURIComponent(history[1]!)]: entry } : {});
  }
  if (route === "GET /view") return view(inst, url, res);
  // server.py:627-637 (every node) and 639-645 (one node; `{}` for an unknown class).
  if (route === "GET /object_info")
    return json(
      res,
      200,
      Object.fromEntries(
        Object.keys(NODES)
          .filter(has)
          .map((c) => [c, nodeInfo(c, world)]),
      ),
    );
  const info = /^\/object_info\/(.+)$/.exec(path);
  if (req.method === "GET" && info) {
    const c = decodeURIComponent(info[1]!);
    return json(res, 200, has(c) ? { [c]: nodeInfo(c, world) } : {});
  }
  // server.py:666-672
  if (route === "GET /queue") {
    const items = [...inst.queue.values()];
    return json(res, 200, { queue_running: items.slice(0, 1), queue_pending: items.slice(1) });
  }
  if (route === "POST /queue") {
    // server.py:722-734: delete pending items by prompt id; always 200, empty.
    const ids = (JSON.parse(body.toString("utf8") || "{}") as { delete?: string[] }).delete ?? [];
    const running = [...inst.queue.keys()][0];
    for (const id of ids) if (id !== running) inst.queue.delete(id);
    return empty(res, 200);
  }
  if (route === "POST /interrupt") {
    // server.py:736-766: only the running prompt; it ends with execution_interrupted (execution.py:626-633).
    const id = (JSON.parse(body.toString("utf8") || "{}") as { prompt_id?: string }).prompt_id;
    const running = [...inst.queue.keys()][0];
    if (running && (!id || id === running)) finish(inst, running, "interrupted");
    return empty(res, 200);
  }
  // aiohttp's answer for a route it does not have.
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("404: Not Found");
}

/** server.py:316-367: multipart image → {name, subfolder, type}; 400 empty without a file. */
async function upload(inst: Instance, req: IncomingMessage, body: Buffer, res: ServerResponse) {
  const form = await new Response(new Uint8Array(body), {
    headers: { "content-type": String(req.headers["content-type"] ?? "") },
  })
    .formData()
    .catch(() => null);
  const image = form?.get("image") as unknown;
  if (!(image instanceof File) || !image.name) return empty(res, 400);
  const bytes = new Uint8Array(await image.arrayBuffer());
  const overwrite = form!.get("overwrite");
  let name = image.name;
  if (overwrite !== "true" && overwrite !== "1") {
    // server.py:341-351: a different file with the same name becomes "name (1).ext"; identical bytes are kept once.
    const dot = name.lastIndexOf(".");
    for (let i = 1; inst.inputs.has(name) && Buffer.compare(inst.inputs.get(name)!, bytes) !== 0; i++)
      name = `${image.name.slice(0, dot)} (${i})${image.name.slice(dot)}`;
  }
  inst.inputs.set(name, bytes);
  return json(res, 200, { name, subfolder: String(form!.get("subfolder") ?? ""), type: "input" });
}

/** server.py:674-720: validate, queue, answer {prompt_id, number, node_errors}; 400 {error, node_errors}. */
function queuePrompt(inst: Instance, world: NodeWorld, has: (c: string) => boolean, body: Buffer, res: ServerResponse) {
  const data = JSON.parse(body.toString("utf8") || "{}") as { prompt?: Graph; prompt_id?: string; client_id?: string };
  const number = inst.number++;
  if (!data.prompt) {
    const error = { type: "no_prompt", message: "No prompt provided", details: "No prompt provided", extra_info: {} };
    return json(res, 400, { error, node_errors: {} });
  }
  const promptId = String(data.prompt_id ?? crypto.randomUUID());
  inst.prompts.push({ prompt_id: promptId, client_id: data.client_id, prompt: data.prompt });
  const valid = validatePrompt(data.prompt, world, has);
  if (!valid.ok) return json(res, 400, { error: valid.error, node_errors: valid.nodeErrors });
  const extra = data.client_id ? { client_id: data.client_id } : {};
  inst.queue.set(promptId, [number, promptId, data.prompt, extra, valid.outputs]);
  if (!inst.config.neverFinish)
    setTimeout(() => finish(inst, promptId, inst.config.executionError ? "error" : "success"), inst.config.runMs);
  return json(res, 200, { prompt_id: promptId, number, node_errors: valid.nodeErrors });
}

/** A prompt done: its history entry (execution.py:1112-1134; status main.py:197-202; outputs nodes.py:1597-1614). */
function finish(inst: Instance, promptId: string, how: "success" | "error" | "interrupted") {
  const item = inst.queue.get(promptId);
  if (!item) return;
  inst.queue.delete(promptId);
  const [, , prompt, , outputs] = item;
  const at = () => ({ prompt_id: promptId, timestamp: Date.now() });
  const messages: [string, Record<string, unknown>][] = [
    ["execution_start", at()],
    ["execution_cached", { nodes: [], ...at() }],
  ];
  const results: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  const sampler = Object.keys(prompt).find((id) => prompt[id]!.class_type === "KSampler") ?? outputs[0]!;
  if (how === "success") {
    const load = (name: string) => annotatedFile(inst, name);
    Object.assign(results, poseEstimates(prompt, load));
    for (const id of outputs) {
      if (prompt[id]!.class_type === "PreviewImage") {
        // nodes.py:1616-1621: into the temp folder as "<prefix>_temp_xxxxx_<n>_.png". The fake
        // keeps the picture the estimator read in place of the pose map it would draw.
        const filename = `ComfyUI_temp_fake_${String(++saved).padStart(5, "0")}_.png`;
        inst.temps.set(filename, loadedImage(prompt, load) ?? new Uint8Array());
        results[id] = { images: [{ filename, subfolder: "", type: "temp" }] };
        meta[id] = { node_id: id, display_node: id, parent_node: null, real_node_id: id };
        continue;
      }
      const prefix = String(prompt[id]!.inputs?.filename_prefix ?? "ComfyUI");
      const filename = `${prefix}_${String(++saved).padStart(5, "0")}_.png`;
      inst.outputs.set(
        filename,
        renderPrompt(prompt, (n) => inst.inputs.get(n)),
      );
      results[id] = { images: [{ filename, subfolder: "", type: "output" }] };
      meta[id] = { node_id: id, display_node: id, parent_node: null, real_node_id: id };
    }
    messages.push(["execution_success", at()]);
  } else if (how === "error") {
    const e = inst.config.executionError!;
    // execution.py:635-646 (exception_message gets "\n" + tips, 585).
    messages.push([
      "execution_error",
      {
        ...at(),
        node_id: sampler,
        node_type: prompt[sampler]!.class_type,
        executed: [],
        exception_message: `${e.exception_message}\n`,
        exception_type: e.exception_type,
        traceback: [],
        current_inputs: {},
        current_outputs: [],
      },
    ]);
  } else {
    messages.push([
      "execution_interrupted",
      { ...at(), node_id: sampler, node_type: prompt[sampler]!.class_type, executed: [] },
    ]);
  }
  const ok = how === "success";
  inst.history.set(promptId, {
    prompt: item,
    outputs: results,
    meta,
    status: { status_str: ok ? "success" : "error", completed: ok, messages },
  });
}

/** server.py:416-518: the file, content type by extension; 400 bad name, 404 missing. */
function view(inst: Instance, url: URL, res: ServerResponse) {
  const filename = url.searchParams.get("filename");
  if (!filename || filename.startsWith("/") || filename.includes("..")) return empty(res, 400);
  const type = url.searchParams.get("type") ?? "output";
  const folders = { input: inst.inputs, output: inst.outputs, temp: inst.temps } as Record<
    string,
    Map<string, Uint8Array>
  >;
  const file = folders[type]?.get(filename);
  if (!file) return empty(res, 404);
  res.writeHead(200, {
    "content-type": filename.endsWith(".png") ? "image/png" : "application/octet-stream",
    "content-disposition": `filename="${filename}"`,
  });
  res.end(file);
}
