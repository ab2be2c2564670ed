// Waiting for a queued ComfyUI prompt: /history/{id} is polled until it is done; at the deadline
// the prompt is cancelled on the server; a failed run is read from its history messages.
import { ProviderError } from "../provider";
import type { ComfyClient, HistoryEntry } from "./client";

const NAME = "comfyui";
/** Polling /history: quick at first (a warm GPU answers in seconds), then every 2 s. */
const POLL_MS = [250, 500, 1000, 2000];

/** Polls /history until the prompt is done; at the deadline it is cancelled on the server. */
export async function waitFor(client: ComfyClient, promptId: string, timeoutMs: number): Promise<HistoryEntry> {
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
