// One ModelsLab job: POST a JSON request (the key in the body); the answer is `success` with output
// URLs, `processing` with an `eta` to wait and a `fetch_result` URL (else POST
// /api/v6/images/fetch/{id} with the key) to ask again, or an error (errors.ts). Shapes:
// image-generation/controlnet/openapi.json `ControlNetResponse`, community-models/openapi.json
// `ImageGenerationProcessingResponse`, quickstart.mdx's fetch call (ModelsLab/docs-v2 c1440bc);
// the official client polls the same way (ModelsLab/modelslab-js src/apis/base.ts `fetch`).
import { IMAGE_CONTENT_TYPES, sniffImageFormat } from "../../../shared/images/inspect-image";
import { base64ToBytes } from "../base64";
import { isLocalUrl } from "../local-url";
import { ProviderError, errorForStatus, errorForThrown } from "../provider";
import type { CommonProviderSettings } from "../vendor";
import { modelsLabError, type ModelsLabAnswer } from "./errors";
import type { ModelsLabSettings } from ".";

const NAME = "modelslab";

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

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** Runs one ModelsLab job to its image, polling while it renders, until the timeout. */
export async function runModelsLab(
  account: ModelsLabAccount,
  path: string,
  body: Record<string, unknown>,
  options: { traceId?: string; signal?: AbortSignal; modelSetting: string },
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const { timeoutMs } = account;
  const deadline = Date.now() + timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = {
    "content-type": "application/json",
    ...(options.traceId ? { "x-request-id": options.traceId } : {}),
  };
  const call = async (url: string, payload: unknown): Promise<ModelsLabAnswer> => {
    let res: Response;
    try {
      res = await fetch(url, { method: "POST", headers, body: JSON.stringify(payload), signal });
    } catch (err) {
      throw errorForThrown(NAME, err);
    }
    const answer = (await res.json().catch(() => null)) as ModelsLabAnswer | null;
    if (!res.ok || answer?.status === "error" || answer?.status === "failed")
      throw modelsLabError(res.status, answer, res.headers.get("retry-after"), options.modelSetting);
    if (!answer) throw new ProviderError("bad_response", "ModelsLab answered without JSON.", NAME);
    return answer;
  };
  let answer = await call(`${account.baseUrl}${path}`, { key: account.key, ...body });
  let futureLinks = strings(answer.future_links);
  while (answer.status === "processing") {
    const waitMs = Math.min(Math.max((answer.eta ?? 2) * 1000, 200), 10_000);
    const fetchUrl =
      answer.fetch_result ?? (answer.id !== undefined ? `${account.baseUrl}/api/v6/images/fetch/${answer.id}` : null);
    if (!fetchUrl) throw new ProviderError("bad_response", "ModelsLab gave no way to fetch the result.", NAME);
    if (Date.now() + waitMs > deadline) {
      throw new ProviderError("loading", "ModelsLab is still rendering.", NAME, (answer.eta ?? 2) * 1000);
    }
    await new Promise((r) => setTimeout(r, waitMs));
    answer = await call(fetchUrl, { key: account.key });
    futureLinks = strings(answer.future_links).length ? strings(answer.future_links) : futureLinks;
  }
  // The output, or where it was promised to appear (future_links) when the answer lists none.
  const out = strings(answer.output)[0] ?? futureLinks[0];
  if (!out) throw new ProviderError("bad_response", "ModelsLab answered without an image.", NAME);
  let bytes: Uint8Array;
  if (/^https?:\/\//.test(out)) {
    try {
      const res = await fetch(out, { signal });
      if (!res.ok) throw errorForStatus(NAME, res.status, `Could not download the image (HTTP ${res.status}).`);
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw errorForThrown(NAME, err);
    }
  } else bytes = new TextEncoder().encode(out);
  // With the base64 flag the output is the image as base64 text (in the answer or in the file).
  if (!sniffImageFormat(bytes)) {
    try {
      bytes = base64ToBytes(new TextDecoder().decode(bytes));
    } catch {
      throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
    }
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw new ProviderError("bad_response", "ModelsLab's output is not an image.", NAME);
  return { bytes, contentType: IMAGE_CONTENT_TYPES[format] };
}
