// One ModelsLab job: POST a JSON request; the answer is `success` with output URLs, or
// `processing` with an `eta` and a `fetch_result` URL to poll; errors often come as HTTP 200 with
// `status: "error"`. With base64 "yes" the output file holds the image as base64 text.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { isLocalUrl } from "../local-url";
import { ProviderError, errorForStatus, errorForThrown, retryHint } from "../provider";
import type { CommonProviderSettings } from "../vendor";
import type { ModelsLabSettings } from ".";

const NAME = "modelslab";

interface Answer {
  status?: string;
  output?: unknown[];
  fetch_result?: string;
  eta?: number;
  message?: string;
  messege?: string;
}

export interface ModelsLabAccount {
  key: string;
  baseUrl: string;
  timeoutMs: number;
  /** True when MODELSLAB_URL points at this machine (the fake provider). */
  local: boolean;
}

/** Key, base URL and timeout for ModelsLab calls, or null without MODELSLAB_API_KEY. */
export function modelsLabAccount(s: ModelsLabSettings, { timeoutMs }: CommonProviderSettings): ModelsLabAccount | null {
  const key = s.MODELSLAB_API_KEY;
  if (!key) return null;
  return { key, baseUrl: s.MODELSLAB_URL, timeoutMs, local: isLocalUrl(s.MODELSLAB_URL) };
}

/** Runs one ModelsLab job to its image, polling while it renders. */

export async function runModelsLab(
  account: ModelsLabAccount,
  path: string,
  body: Record<string, unknown>,
  options: { traceId?: string; signal?: AbortSignal },
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const { timeoutMs } = account;
  const deadline = Date.now() + timeoutMs;
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
    : AbortSignal.timeout(timeoutMs);
  const headers = {
    "content-type": "application/json",
    ...(options.traceId ? { "x-request-id": options.traceId } : {}),
  };
  const call = async (url: string, body: unknown): Promise<Answer> => {
    let res: Response;
    try {
      res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
    } catch (err) {
      throw errorForThrown(NAME, err);
    }
    const answer = (await res.json().catch(() => null)) as Answer | null;
    if (!res.ok) {
      throw errorForStatus(
        NAME,
        res.status,
        answer?.message ?? `HTTP ${res.status}`,
        retryHint(answer, res.headers.get("retry-after")),
      );
    }
    if (!answer) throw new ProviderError("bad_response", "ModelsLab answered without JSON.", NAME);
    if (answer.status === "error" || answer.status === "failed") {
      throw new ProviderError("rejected", answer.message ?? answer.messege ?? "ModelsLab refused the request.", NAME);
    }
    return answer;
  };
  let answer = await call(`${account.baseUrl}${path}`, { key: account.key, ...body });
  // Still rendering: wait its estimate, then ask again, until the timeout.
  while (answer.status === "processing") {
    const waitMs = Math.min(Math.max((answer.eta ?? 2) * 1000, 200), 10_000);
    if (!answer.fetch_result)
      throw new ProviderError("bad_response", "ModelsLab gave no address to fetch the result.", NAME);
    if (Date.now() + waitMs > deadline) {
      throw new ProviderError("loading", "ModelsLab is still rendering.", NAME, (answer.eta ?? 2) * 1000);
    }
    await new Promise((r) => setTimeout(r, waitMs));
    answer = await call(answer.fetch_result, { key: account.key });
  }
  const url = answer.output?.[0];
  if (typeof url !== "string") throw new ProviderError("bad_response", "ModelsLab answered without an image.", NAME);
  let bytes: Uint8Array;
  try {
    const res = await fetch(url, { signal });
    if (!res.ok) throw errorForStatus(NAME, res.status, `Could not download the image (HTTP ${res.status}).`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw errorForThrown(NAME, err);
  }
  // With base64 "yes" the output file holds the image as base64 text.
  if (!sniffImageFormat(bytes)) {
    try {
      bytes = Uint8Array.from(
        atob(
          new TextDecoder()
            .decode(bytes)
            .trim()
            .replace(/^data:image\/\w+;base64,/, ""),
        ),
        (c) => c.charCodeAt(0),
      );
    } catch {
      throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
    }
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format] };
}
