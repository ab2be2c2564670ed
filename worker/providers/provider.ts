// One interface for every image provider: a control image (the skeleton), the avatar and a
// prompt in; image bytes out. Failures are ProviderErrors whose kind decides retrying.
import type { Pose } from "../../shared/pose/model";
import type { PublishInput } from "./publish-input";

/** What the built-in instant engine needs beyond the skeleton: the avatar's rig and the target pose. */
export interface InstantInput {
  /** The rig's cut-out: RGBA PNG, alpha = the person (avatars.rig_key). */
  rigPng: Uint8Array;
  /** The person's own pose in the cut-out's pixels (avatars.rig_pose). */
  rigPose: Pose;
  /** The template's pose on the output image. */
  target: Pose;
}

export interface PoseImageRequest {
  /** The ControlNet skeleton PNG at the output size. */
  controlImage: Uint8Array;
  /** The avatar photo, the identity/appearance reference. */
  avatarImage: Uint8Array;
  avatarContentType: string;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  quality: "sd" | "hd";
  seed?: number;
  /** A picture to start from (img2img) at the output size, e.g. the instant engine's; optional. */
  initImage?: Uint8Array;
  /**
   * With initImage: how much the AI may change it, 0–1 (the img2img denoise: 0 keeps the picture,
   * 1 redraws it from noise). Sent only to providers whose pose capability accepts an init image.
   */
  initStrength?: number;
  signal?: AbortSignal;
  /** Sent as x-request-id so a provider's logs (and the test fake) can tie calls to a pose. */
  traceId?: string;
  /** For vendors that fetch their inputs by URL: publishes an image on our origin for a few minutes. */
  publishInput?: PublishInput;
  /** Only for the instant engine (AI vendors ignore it): the rig and the target pose. */
  instant?: InstantInput;
}

export interface ProviderImage {
  bytes: Uint8Array;
  contentType: string;
  model: string;
  /** The skeleton the image was made to when the provider chose it (the instant engine's retargeted one). */
  skeleton?: Pose;
  /** The pose the provider's own detector found in the image, at the output size. */
  detection?: Pose;
}

export type ProviderErrorKind =
  | "loading" // 503 while the model warms up (estimated_time)
  | "rate_limited" // 429
  | "server" // other 5xx
  | "timeout" // no answer in time
  | "bad_response" // 200 without an image
  | "rejected" // 4xx: the request itself is wrong or refused; retrying will not help
  | "not_configured";

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly provider: string,
    /** How long the provider asked us to wait (Retry-After, estimated_time), in ms. */
    readonly retryAfterMs?: number,
    readonly status?: number,
    /** A finer code than `kind` (the instant engine's rig problem), for the pose failure's other languages. */
    readonly reason?: string,
  ) {
    super(message);
  }

  get retryable() {
    return this.kind !== "rejected" && this.kind !== "not_configured";
  }
}

export interface PoseImageProvider {
  /** Stable name used in settings, rows and metrics: "huggingface", "a1111", … */
  readonly name: string;
  /** Human label for the UI. */
  readonly label: string;
  /** True when its base URL points at this machine (the fake provider for tests and demos). */
  readonly local: boolean;
  /** Estimated cost of one image in US dollars, for metrics. */
  estimatedCost(quality: "sd" | "hd"): number;
  /** True when it refines a starting picture (img2img + ControlNet): it is then sent the instant one. */
  readonly acceptsInitImage?: boolean;
  generatePose(request: PoseImageRequest): Promise<ProviderImage>;
}

/** Seconds or an HTTP date (RFC 9110 Retry-After) → milliseconds; undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long a failed response asks us to wait: a JSON body's `estimated_time` (seconds, Hugging
 * Face's cold start) or the Retry-After header.
 */
export function retryHint(body: unknown, retryAfterHeader: string | null): number | undefined {
  const estimated = (body as { estimated_time?: unknown } | null)?.estimated_time;
  return typeof estimated === "number" && estimated >= 0 ? estimated * 1000 : parseRetryAfter(retryAfterHeader);
}

/** ProviderError for an HTTP failure status. */
export function errorForStatus(
  provider: string,
  status: number,
  message: string,
  retryAfterMs?: number,
): ProviderError {
  if (status === 503 && retryAfterMs !== undefined)
    return new ProviderError("loading", message, provider, retryAfterMs, status);
  if (status === 429) return new ProviderError("rate_limited", message, provider, retryAfterMs, status);
  if (status >= 500) return new ProviderError("server", message, provider, retryAfterMs, status);
  if (status === 408) return new ProviderError("timeout", message, provider, undefined, status);
  return new ProviderError("rejected", message, provider, undefined, status);
}

/** Wraps an abort/timeout or network failure as a ProviderError. */
export function errorForThrown(provider: string, err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const name = (err as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderError("timeout", "The provider did not answer in time.", provider);
  }
  return new ProviderError(
    "server",
    `Could not reach ${provider}: ${String((err as Error)?.message ?? err)}`,
    provider,
  );
}
