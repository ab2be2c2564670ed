// One ComfyUI run, the same for poses and inpainting: check the setup (once per isolate), upload
// the pictures, queue the filled-in workflow, wait for it by polling /history, download the
// result. Everything within the provider timeout.
import { ProviderError, type ProviderImage } from "../provider";
import { checkSetup, type ModelFile } from "./check-setup";
import { ComfyClient, type ComfyTarget, type HistoryEntry } from "./client";
import { fillWorkflow, WORKFLOWS, type WorkflowName } from "./workflow";

const NAME = "comfyui";
const PNG = [0x89, 0x50, 0x4e, 0x47];
/** Polling /history: quick at first (a warm GPU answers in seconds), then every 2 s. */
const POLL_MS = [250, 500, 1000, 2000];

export interface ComfyRun {
  workflow: WorkflowName;
  files: ModelFile[];
  /** Pictures to upload, by slot: the slot gets the name ComfyUI gave the file. */
  uploads: Record<string, { bytes: Uint8Array; contentType: string }>;
  /** Every other slot's value. */
  values: Record<string, unknown>;
  /** What the result records as its model. */
  model: string;
  timeoutMs: number;
  signal?: AbortSignal;
  traceId?: string;
}

/** Runs a workflow on ComfyUI and returns its PNG. */
export async function runComfyWorkflow(target: ComfyTarget, run: ComfyRun): Promise<ProviderImage> {
  const client = new ComfyClient(target, Date.now() + run.timeoutMs, run.signal, run.traceId);
  const workflow = WORKFLOWS[run.workflow];
  await checkSetup(client, run.workflow, workflow, run.files);
  const id = crypto.randomUUID();
  const names: Record<string, string> = {};
  for (const [slot, image] of Object.entries(run.uploads)) {
    const ext = image.contentType === "image/png" ? "png" : image.contentType === "image/webp" ? "webp" : "jpg";
    names[slot] = await client.upload(image.bytes, `avatar-pose-${id}-${slot}.${ext}`, image.contentType);
  }
  const files = Object.fromEntries(run.files.map((f) => [f.slot, f.file]));
  const prompt = fillWorkflow(workflow, { ...run.values, ...files, ...names });
  await client.queue(prompt, `avatar-pose-${id}`, id);
  const entry = await waitFor(client, id, run.timeoutMs);
  const image = entry.outputs[workflow.output]?.images?.[0];
  if (!image) throw new ProviderError("bad_response", "ComfyUI finished the workflow without an image.", NAME);
  const bytes = await client.view(image);
  if (!PNG.every((b, i) => bytes[i] === b))
    throw new ProviderError("bad_response", `ComfyUI's ${image.filename} is not a PNG.`, NAME);
  return { bytes, contentType: "image/png", model: run.model };
}

/** Polls /history until the prompt is done; at the deadline it is cancelled on the server. */
async function waitFor(client: ComfyClient, promptId: string, timeoutMs: number): Promise<HistoryEntry> {
  const giveUp = async () => {
    await client.cancel(promptId);
    const seconds = Math.round(timeoutMs / 100) / 10;
    return new ProviderError(
      "timeout",
      `ComfyUI did not finish the workflow within ${seconds} s (still queued or running; it was cancelled).`,
      NAME,
    );
  };
  for (let i = 0; ; i++) {
    const entry = await client.history(promptId).catch(async (err: unknown) => {
      throw err instanceof ProviderError && err.kind === "timeout" ? await giveUp() : err;
    });
    if (entry) return finished(entry);
    const left = client.deadline - Date.now();
    if (left <= 0) throw await giveUp();
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS[Math.min(i, POLL_MS.length - 1)]!, left)));
  }
}

/**
 * A finished history entry, or the failure it records: execution_error (execution.py:635-646) is
 * the workflow's own fault unless the GPU ran out of memory (OOM_EXCEPTION, execution.py:579-582,
 * worth retrying once models are unloaded); execution_interrupted (626-633) is someone stopping it.
 */
function finished(entry: HistoryEntry): HistoryEntry {
  if (entry.status?.status_str !== "error") return entry;
  const messages = entry.status.messages ?? [];
  const failure = messages.find(([event]) => event === "execution_error")?.[1];
  if (failure) {
    const type = String(failure.exception_type ?? "");
    const text = `ComfyUI failed in ${failure.node_type} #${failure.node_id}: ${String(failure.exception_message ?? "").trim()} (${type})`;
    return fail(/OutOfMemory/i.test(type) ? "server" : "rejected", text);
  }
  if (messages.some(([event]) => event === "execution_interrupted"))
    return fail("server", "The workflow was interrupted on the ComfyUI server.");
  return fail("server", "ComfyUI reports the workflow failed without saying why.");
}

function fail(kind: "server" | "rejected", message: string): never {
  throw new ProviderError(kind, message, NAME);
}
