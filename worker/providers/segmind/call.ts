// One call to Segmind's serverless API: POST {SEGMIND_URL}/{model} with x-api-key and a JSON body;
// the answer is the image itself, or JSON saying what went wrong.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { isLocalUrl } from "../local-url";
import { ProviderError, errorForStatus, errorForThrown, retryHint, type ProviderImage } from "../provider";
import type { CommonProviderSettings } from "../vendor";
import type { SegmindSettings } from ".";

const NAME = "segmind";

export interface SegmindAccount {
  key: string;
  baseUrl: string;
  timeoutMs: number;
  /** True when SEGMIND_URL points at this machine (the fake provider). */
  local: boolean;
}

/** Key, base URL and timeout for Segmind calls, or null without SEGMIND_API_KEY. */
export function segmindAccount(s: SegmindSettings, { timeoutMs }: CommonProviderSettings): SegmindAccount | null {
  const key = s.SEGMIND_API_KEY;
  if (!key) return null;
  const baseUrl = s.SEGMIND_URL;
  return { key, baseUrl, timeoutMs, local: isLocalUrl(baseUrl) };
}

/**
 * What to do about Segmind's setup errors ("Common Error Codes" on its model pages: 401 bad key,
 * 404 unknown model, 406 not enough credits); they are the account's, so never retried.
 */
const SETUP_HINTS: Record<number, (model: string) => string> = {
  401: () => "Check SEGMIND_API_KEY.",
  404: (model) => `Segmind has no model "${model}": check the SEGMIND_MODEL_* settings.`,
  406: () => "Top up the Segmind account's credits.",
};

/** POSTs one request to a Segmind model; the answer must be an image. */

export async function callSegmind(
  account: SegmindAccount,
  model: string,
  body: Record<string, unknown>,
  options: { traceId?: string; signal?: AbortSignal },
): Promise<ProviderImage> {
  const timeout = AbortSignal.timeout(account.timeoutMs);
  let res: Response;
  try {
    res = await fetch(`${account.baseUrl}/${model}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": account.key,
        ...(options.traceId ? { "x-request-id": options.traceId } : {}),
      },
      body: JSON.stringify(body),
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (err) {
    throw errorForThrown(NAME, err);
  }
  if (!res.ok) {
    // Segmind's error body is {"error": "…"} (segmind/segmind-python segmind/exceptions.py L50-61).
    const detail = (await res.json().catch(() => null)) as { error?: string } | null;
    const words = `Segmind: ${detail?.error ?? `HTTP ${res.status}`}`;
    const fix = SETUP_HINTS[res.status]?.(model);
    throw errorForStatus(
      NAME,
      res.status,
      fix ? `${words} ${fix}` : words,
      retryHint(detail, res.headers.get("retry-after")),
    );
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const format = sniffImageFormat(bytes);
  if (!format) throw new ProviderError("bad_response", "Segmind answered without an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
}
