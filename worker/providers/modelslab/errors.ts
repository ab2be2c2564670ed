// ModelsLab's error answers, classified by what they mean. Its body is {"status": "error",
// "message": "…"} ("messege" on legacy endpoints), sent with HTTP 400/401/402/403/429/500/503 or,
// as its OpenAPI files allow, with 200 (error-codes.mdx; image-generation/controlnet/openapi.json
// `Error` and community-models/openapi.json's 200 `oneOf`, ModelsLab/docs-v2 c1440bc).
import { ProviderError, errorForStatus, parseRetryAfter } from "../provider";

const NAME = "modelslab";

export interface ModelsLabAnswer {
  status?: string;
  id?: number | string;
  output?: unknown;
  future_links?: unknown;
  fetch_result?: string;
  eta?: number;
  message?: string;
  messege?: string;
  /** Seconds, on a 429 (error-codes.mdx). */
  retry_after?: number;
}

/** What the account's owner must fix, by the provider's own words (error-codes.mdx). */
function setupFix(status: number, message: string, modelSetting: string): string | null {
  if (status === 401 || /invalid api key/i.test(message)) return "Check MODELSLAB_API_KEY.";
  if (status === 402 || /insufficient credits/i.test(message)) return "Add credits to the ModelsLab account.";
  // "Model not found: invalid_model_name" (error-codes.mdx, Invalid Model ID).
  if (/model not found/i.test(message)) return `Check ${modelSetting}.`;
  // "Unable to fetch image from provided URL" (error-codes.mdx, Image URL Issues): our inputs are
  // on our own origin, so it must be reachable from the internet.
  if (/unable to fetch image/i.test(message))
    return "ModelsLab fetches the input images from this server: APP_ORIGIN must be its public address.";
  return null;
}

/** The ProviderError for a ModelsLab error answer (HTTP status and body). */
export function modelsLabError(
  status: number,
  answer: ModelsLabAnswer | null,
  retryAfterHeader: string | null,
  modelSetting: string,
): ProviderError {
  const message = answer?.message ?? answer?.messege ?? `HTTP ${status}`;
  const words = `ModelsLab: ${message}`;
  const fix = setupFix(status, message, modelSetting);
  if (fix) return new ProviderError("not_configured", `${words} ${fix}`, NAME, undefined, status);
  const retryAfterMs =
    typeof answer?.retry_after === "number" ? answer.retry_after * 1000 : parseRetryAfter(retryAfterHeader);
  // An error said with HTTP 200 is a refusal of this request.
  return status < 400
    ? new ProviderError("rejected", words, NAME, undefined, status)
    : errorForStatus(NAME, status, words, retryAfterMs);
}
