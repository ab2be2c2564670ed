import { optionalVar } from "../env";
import type { RetryPolicy } from "./retry";

const int = (env: Env, name: string, fallback: number) => {
  const v = Number(optionalVar(env, name));
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};

/** How long one provider call may take (PROVIDER_TIMEOUT_MS, default 120 s). */
export const providerTimeoutMs = (env: Env) => int(env, "PROVIDER_TIMEOUT_MS", 120_000);

/** Retry settings for provider calls (PROVIDER_MAX_ATTEMPTS, PROVIDER_RETRY_BASE_MS, …). */
export function retryPolicy(env: Env): RetryPolicy {
  return {
    maxAttempts: Math.max(1, int(env, "PROVIDER_MAX_ATTEMPTS", 5)),
    baseDelayMs: int(env, "PROVIDER_RETRY_BASE_MS", 2_000),
    maxDelayMs: int(env, "PROVIDER_RETRY_MAX_MS", 60_000),
    maxInlineWaitMs: int(env, "PROVIDER_INLINE_WAIT_MS", 30_000),
  };
}

/** A base URL on this machine: the fake provider used in tests and local demos. */
export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}
