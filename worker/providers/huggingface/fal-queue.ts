// fal's queue through the Hugging Face router, as @huggingface/inference follows it
// (HFI providers/fal-ai.js:85-128): the submit answers {request_id, response_url, status, …};
// the status is polled at {router}/fal-ai{path of response_url}/status?_subdomain=queue until
// "COMPLETED" (fal's statuses IN_QUEUE, IN_PROGRESS, COMPLETED: fal-js
// libs/client/src/types/common.ts:82-105), then the result is read at
// {router}/fal-ai{path of response_url}?_subdomain=queue. Unlike the library we check every
// answer's status (a failed job's result is an error body: fal-js libs/client/src/response.ts:49-106)
// and stop at the call's deadline.
import { ProviderError } from "../provider";
import { bodyOf, routerError, type HuggingFaceCall } from "./call";

/** Waits between status polls: the first at once, then growing to a second. */
const POLL_WAITS_MS = [0, 250, 500, 1000];

interface FalQueueAnswer {
  request_id?: unknown;
  response_url?: unknown;
  status?: unknown;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** Follows a submitted fal request to its result JSON (an error body is thrown as a ProviderError). */
export async function falQueueResult(call: HuggingFaceCall, routerUrl: string, submitted: unknown): Promise<unknown> {
  const answer = submitted as FalQueueAnswer | null;
  if (typeof answer?.request_id !== "string" || typeof answer.response_url !== "string") {
    throw new ProviderError("bad_response", "fal answered the request without a request id.", "huggingface");
  }
  const path = new URL(answer.response_url).pathname;
  const statusUrl = `${routerUrl}/fal-ai${path}/status?_subdomain=queue`;
  const resultUrl = `${routerUrl}/fal-ai${path}?_subdomain=queue`;
  let status = answer.status;
  for (let poll = 0; status !== "COMPLETED"; poll++) {
    await sleep(POLL_WAITS_MS[Math.min(poll, POLL_WAITS_MS.length - 1)]!, call.signal);
    const res = await call.fetch(statusUrl, { signal: call.signal });
    const body = await bodyOf(res);
    if (!res.ok) throw routerError(res.status, body, "fal could not report the request's status", null);
    status = (body as FalQueueAnswer | null)?.status;
    if (status !== "IN_QUEUE" && status !== "IN_PROGRESS" && status !== "COMPLETED") {
      throw new ProviderError("bad_response", `fal reported an unknown status: ${String(status)}`, "huggingface");
    }
  }
  const res = await call.fetch(resultUrl, { signal: call.signal });
  const body = await bodyOf(res);
  if (!res.ok) throw routerError(res.status, body, "fal could not run the request", res.headers.get("retry-after"));
  return body;
}
