// What every @huggingface/inference call needs from us: our trace id on the request, a timeout,
// the Retry-After header (the client reports status and body but not headers), and its errors
// turned into ProviderErrors.
import { InferenceClientProviderApiError, InferenceClientProviderOutputError } from "@huggingface/inference";
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { ProviderError, errorForStatus, errorForThrown, retryHint, type ProviderImage } from "../provider";

const NAME = "huggingface";

/** One call's options (trace id, timeout, Retry-After capture) and its error mapping. */
export function huggingFaceCall(traceId: string | undefined, signal: AbortSignal | undefined, timeoutMs: number) {
  let retryAfter: string | null = null;
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (traceId) headers.set("x-request-id", traceId);
    const res = await fetch(input, { ...init, headers });
    retryAfter = res.headers.get("retry-after");
    return res;
  };
  const timeout = AbortSignal.timeout(timeoutMs);
  const options = {
    retry_on_error: false,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    fetch: recordingFetch,
  };
  /** The client's failure as a ProviderError (status, estimated_time, Retry-After). */
  const error = (err: unknown): ProviderError => {
    if (err instanceof InferenceClientProviderApiError) {
      const { status, body } = err.httpResponse as { status: number; body: unknown };
      const detail = body as { error?: string; estimated_time?: number } | string | undefined;
      const message = typeof detail === "object" && detail?.error ? detail.error : err.message;
      return errorForStatus(NAME, status, message, retryHint(detail, retryAfter));
    }
    if (err instanceof InferenceClientProviderOutputError) {
      return new ProviderError("bad_response", "The provider answered without an image.", NAME);
    }
    return errorForThrown(NAME, err);
  };
  /** Runs one client call with our options, its failures as ProviderErrors. */
  const run = async <T>(request: (opts: typeof options) => Promise<T>): Promise<T> => {
    try {
      return await request(options);
    } catch (err) {
      throw error(err);
    }
  };
  return {
    run,
    /** Runs one client call whose Blob must be an image. */
    async image(model: string, request: (opts: typeof options) => Promise<Blob>): Promise<ProviderImage> {
      const blob = await run(request);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const format = sniffImageFormat(bytes);
      if (!format) throw new ProviderError("bad_response", "The provider answered without an image.", NAME);
      return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
    },
  };
}
