// Calling Workers AI through the AI binding: a timeout the binding itself lacks, its errors as
// ProviderErrors (the message starts with Workers AI's error code), and the image out of the
// answer whatever its shape.
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { base64ToBytes } from "../base64";
import { ProviderError, errorForThrown, type ProviderImage } from "../provider";

const NAME = "workers-ai";

/** The part of the AI binding we use. */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/**
 * The binding throws Errors whose message starts with Workers AI's error code
 * ("3040: Capacity temporarily exceeded, please try again."); the code decides retrying. Codes as
 * Workers AI documents them (cloudflare/cloudflare-docs src/content/docs/workers-ai/platform/errors.mdx
 * @0309c8b): 3036 the account's daily free allocation is used up (429, but retrying today will
 * not help: a setup matter), 3040 out of capacity (429), 3007/3008 timeout/aborted, 5007 no such
 * model, 3042 an invalid model name.
 */
export function workersAiError(err: unknown): ProviderError {
  const message = String((err as Error)?.message ?? err);
  const code = Number(/^\s*(?:\w*Error:\s*)?(\d{4})\b/.exec(message)?.[1]);
  if (code === 3036 || /daily free allocation/i.test(message))
    return new ProviderError("not_configured", message, NAME);
  if ([3040, 3043].includes(code) || /capacity|rate limit|too many/i.test(message))
    return new ProviderError("rate_limited", message, NAME);
  if ([3007, 3008].includes(code) || /timed? ?out/i.test(message)) return new ProviderError("timeout", message, NAME);
  if ([5006, 5007, 3010, 3042].includes(code) || /invalid|validation|no such model/i.test(message))
    return new ProviderError("rejected", message, NAME);
  return errorForThrown(NAME, err);
}

/** Runs one model through the binding, with a timeout; the answer must hold an image. */
export async function runWorkersAi(
  ai: AiBinding,
  model: string,
  inputs: Record<string, unknown>,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<ProviderImage> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let answer: unknown;
  try {
    answer = await Promise.race([
      ai.run(model, inputs, { signal }),
      new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
    ]);
  } catch (err) {
    throw workersAiError(err);
  }
  const bytes = await imageBytes(answer);
  const format = bytes && sniffImageFormat(bytes);
  if (!bytes || !format) throw new ProviderError("bad_response", "Workers AI answered without an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format], model };
}

/** {image: base64} (FLUX), raw bytes or a stream of PNG bytes (SDXL). */
async function imageBytes(answer: unknown): Promise<Uint8Array | null> {
  if (answer instanceof ReadableStream) return new Uint8Array(await new Response(answer).arrayBuffer());
  if (answer instanceof Uint8Array) return answer;
  if (answer instanceof ArrayBuffer) return new Uint8Array(answer);
  const image = (answer as { image?: unknown } | null)?.image;
  if (typeof image === "string") {
    try {
      return base64ToBytes(image);
    } catch {
      return null;
    }
  }
  return null;
}
