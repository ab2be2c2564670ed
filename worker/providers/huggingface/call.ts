// What every Hugging Face call needs from us: our trace id on the request, a timeout, the
// Retry-After header (the client reports status and body but not headers), the library's fixed
// Hub and router addresses sent to the configured ones, and every failure as a ProviderError
// classified by what Hugging Face or the provider meant.
import {
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
} from "@huggingface/inference";
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { ProviderError, errorForStatus, errorForThrown, retryHint, type ProviderImage } from "../provider";

const NAME = "huggingface";

/** The addresses @huggingface/inference has built in (dist/esm/config.js, HF_HUB_URL and HF_ROUTER_URL). */
export const LIBRARY_HUB = "https://huggingface.co";
export const LIBRARY_ROUTER = "https://router.huggingface.co";

export interface CallBases {
  hub: string;
  router: string;
}

/**
 * The provider's own words from an error body: `error` (the Hub, the router, hf-inference:
 * HFI utils/request.js:47), `detail` as a string or FastAPI's `[{msg}]` list (fal: fal-js
 * libs/client/src/response.ts:49-71), or `message`.
 */
export function providerWords(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  const b = body as { error?: unknown; detail?: unknown; message?: unknown } | null;
  if (typeof b?.error === "string") return b.error;
  if (typeof b?.detail === "string") return b.detail;
  if (Array.isArray(b?.detail)) {
    const msgs = b.detail.map((d: { msg?: unknown; loc?: unknown }) =>
      [Array.isArray(d?.loc) ? d.loc.join(".") : "", typeof d?.msg === "string" ? d.msg : ""]
        .filter(Boolean)
        .join(": "),
    );
    if (msgs.some(Boolean)) return msgs.join("; ");
  }
  if (typeof b?.message === "string") return b.message;
  return undefined;
}

/**
 * An HTTP failure as a ProviderError. A token without the "Inference Providers" permission
 * (401/403), exhausted credits (402, or "credits"/"balance" in the words) and a model the
 * router does not serve (404) are setup problems, never retried; the rest as every provider.
 */
export function routerError(status: number, body: unknown, fallback: string, retryAfter: string | null) {
  const words = providerWords(body) ?? fallback;
  if ([401, 402, 403, 404].includes(status) || /credits|balance/i.test(words))
    return new ProviderError("not_configured", `Hugging Face: ${words}`, NAME, undefined, status);
  return errorForStatus(NAME, status, words, retryHint(body, retryAfter));
}

/** The client's "no provider serves this model for this task" errors (HFI lib/getInferenceProviderMapping.js, makeRequestOptions.js). */
const NO_MAPPING =
  /inference provider information|No Inference Provider available|not supported for task|not supported by provider/i;

/** One call's options (trace id, timeout, Retry-After capture, addresses) and its error mapping. */
export function huggingFaceCall(
  traceId: string | undefined,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  bases: CallBases = { hub: LIBRARY_HUB, router: LIBRARY_ROUTER },
  accept?: string,
) {
  let retryAfter: string | null = null;
  let host = new URL(bases.router).host;
  const rebase = (url: string) =>
    url.startsWith(`${LIBRARY_ROUTER}/`)
      ? bases.router + url.slice(LIBRARY_ROUTER.length)
      : url.startsWith(`${LIBRARY_HUB}/`)
        ? bases.hub + url.slice(LIBRARY_HUB.length)
        : url;
  const timeout = AbortSignal.timeout(timeoutMs);
  const callSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const tracedFetch: typeof fetch = async (input, init) => {
    const url = rebase(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init?.headers);
    if (traceId) headers.set("x-request-id", traceId);
    // A dedicated endpoint's handler answers raw image bytes only when asked (hf-endpoint/README.md).
    if (accept && !headers.has("accept")) headers.set("accept", accept);
    host = new URL(url).host;
    const res = await fetch(url, { ...init, headers, signal: init?.signal ?? callSignal });
    retryAfter = res.headers.get("retry-after");
    return res;
  };
  const options = { retry_on_error: false, signal: callSignal, fetch: tracedFetch };
  /** Any failure as a ProviderError (status, estimated_time, Retry-After; setup errors never retried). */
  const error = (err: unknown): ProviderError => {
    if (err instanceof ProviderError) return err;
    if (err instanceof InferenceClientInputError || err instanceof InferenceClientHubApiError) {
      const status = err instanceof InferenceClientHubApiError ? err.httpResponse.status : undefined;
      if (status !== undefined && status >= 500) return errorForStatus(NAME, status, err.message);
      if (NO_MAPPING.test(err.message) || err instanceof InferenceClientInputError || status !== undefined)
        return new ProviderError("not_configured", `Hugging Face: ${err.message}`, NAME, undefined, status);
    }
    if (err instanceof InferenceClientProviderApiError) {
      const { status, body } = err.httpResponse as { status: number; body: unknown };
      return routerError(status, body, err.message, retryAfter);
    }
    if (err instanceof InferenceClientProviderOutputError) {
      return new ProviderError("bad_response", "The provider answered without an image.", NAME);
    }
    const name = (err as { name?: string })?.name;
    if (name === "AbortError" || name === "TimeoutError") return errorForThrown(NAME, err);
    // What is left is fetch failing to connect (a TypeError in the WHATWG spec; workerd's
    // "Network connection lost."): retryable, and named so the user knows what was unreachable.
    return new ProviderError(
      "server",
      `Could not reach Hugging Face at ${host}: ${(err as Error)?.message ?? err}`,
      NAME,
    );
  };
  /** Runs one call with our options, its failures as ProviderErrors. */
  const run = async <T>(request: (opts: typeof options) => Promise<T>): Promise<T> => {
    try {
      return await request(options);
    } catch (err) {
      throw error(err);
    }
  };
  return {
    run,
    fetch: tracedFetch,
    signal: callSignal,
    /** Runs one call whose Blob must be an image. */
    async image(model: string, request: (opts: typeof options) => Promise<Blob>): Promise<ProviderImage> {
      const blob = await run(request);
      return imageOf(new Uint8Array(await blob.arrayBuffer()), model);
    },
  };
}

export type HuggingFaceCall = ReturnType<typeof huggingFaceCall>;

/** A response's body as JSON when it is JSON, else its text. */
export async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Bytes that must be an image, with their content type. */
export function imageOf(bytes: Uint8Array, model: string): ProviderImage {
  const format = sniffImageFormat(bytes);
  if (!format) throw new ProviderError("bad_response", "The provider answered without an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
}
