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
    const detail = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw errorForStatus(
      NAME,
      res.status,
      detail?.error ?? detail?.message ?? `HTTP ${res.status}`,
      retryHint(detail, res.headers.get("retry-after")),
    );
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const format = sniffImageFormat(bytes);
  if (!format) throw new ProviderError("bad_response", "Segmind answered without an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
}
