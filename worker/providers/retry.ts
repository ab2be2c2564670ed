// Retrying provider calls: exponential backoff with full jitter, honouring what the provider
// asked for (a 503's estimated_time, a 429's Retry-After). Waits longer than `maxInlineWaitMs`
// are handed back to the caller (the queue can redeliver later instead of holding a Worker).
import { ProviderError } from "./provider";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxInlineWaitMs: number;
  /** 0–1; tests pin it. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface AttemptLog {
  attempt: number;
  error?: { kind: string; message: string };
  waitMs?: number;
}

/** Thrown when the next attempt should happen later than an inline wait allows. */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    readonly cause: ProviderError,
    readonly attempts: number,
  ) {
    super(`retry in ${Math.ceil(delayMs / 1000)} s: ${cause.message}`);
  }
}

/** Thrown when retrying is over: the last provider error and how many attempts were made. */
export class RetriesExhausted extends Error {
  constructor(
    readonly cause: ProviderError,
    readonly attempts: number,
  ) {
    super(cause.message);
  }
}

/** The wait before attempt `attempt + 1` after `error`. */
export function backoffDelay(error: ProviderError, attempt: number, policy: RetryPolicy): number {
  const random = policy.random ?? Math.random;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential * (0.5 + random() / 2);
  return Math.max(jittered, error.retryAfterMs ?? 0);
}

/**
 * Calls `attempt` until it succeeds, a permanent error occurs, attempts run out, or `proceed`
 * says stop (a cancelled generation). Returns the value and how many attempts it took.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  options: { proceed?: () => Promise<boolean>; onAttempt?: (log: AttemptLog) => void; firstAttempt?: number } = {},
): Promise<{ value: T; attempts: number }> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let n = options.firstAttempt ?? 1; ; n++) {
    if (options.proceed && !(await options.proceed())) throw new Cancelled();
    try {
      const value = await attempt(n);
      options.onAttempt?.({ attempt: n });
      return { value, attempts: n };
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      if (!err.retryable || n >= policy.maxAttempts) {
        options.onAttempt?.({ attempt: n, error: { kind: err.kind, message: err.message } });
        throw new RetriesExhausted(err, n);
      }
      const waitMs = backoffDelay(err, n, policy);
      options.onAttempt?.({ attempt: n, error: { kind: err.kind, message: err.message }, waitMs });
      if (waitMs > policy.maxInlineWaitMs) throw new RetryLater(waitMs, err, n);
      await sleep(waitMs);
    }
  }
}

/** The generation was cancelled between attempts. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}
