// One way to call image providers, for every kind of image: the configured providers in order (a
// fallback chain), each call through the provider's system-wide slot (concurrency and rate), each
// provider with backoff retries. Pose generation and text-to-avatar both go through here.
import { config } from "../config";
import { outsideTurn } from "../runtime/cpu-turns";
import { withProviderSlot } from "./provider-slot";
import { RetriesExhausted, withRetries, type AttemptLog, type RetryPolicy } from "./retry";

export interface ProviderCall<T, P> {
  value: T;
  provider: P;
  /** Attempts across every provider tried, the successful one included. */
  attempts: number;
}

/**
 * Tries `providers` in order until one answers. Throws RetriesExhausted (the last provider's
 * error, with every attempt counted), RetryLater (a wait too long to hold), or Cancelled.
 */
export async function callProviders<P extends { name: string }, T>(
  env: Env,
  providers: readonly P[],
  /** One attempt; `release` hands the provider's slot on early, once the provider has answered. */
  call: (provider: P, attempt: number, release: () => Promise<void>) => Promise<T>,
  options: {
    proceed?: () => Promise<boolean>;
    /** Right before each call, inside its slot (a pose counts its paid calls here; it may refuse). */
    beforeCall?: () => Promise<void>;
    onAttempt?: (provider: P, log: AttemptLog) => void;
    /** Overrides, e.g. a shorter inline wait for a request someone is waiting on. */
    policy?: Partial<RetryPolicy>;
  } = {},
): Promise<ProviderCall<T, P>> {
  const policy: RetryPolicy = { ...config(env).providers.retry, ...options.policy };
  let attempts = 0;
  let last: RetriesExhausted | null = null;
  for (const provider of providers) {
    try {
      // The provider's wait (network, backoff, a slot) leaves the CPU turn to other poses.
      const result = await outsideTurn(() =>
        withRetries(
          (n) =>
            withProviderSlot(
              env,
              provider.name,
              async (release) => {
                await options.beforeCall?.();
                return call(provider, n, release);
              },
              { maxInlineWaitMs: policy.maxInlineWaitMs, proceed: options.proceed },
            ),
          policy,
          { proceed: options.proceed, onAttempt: (log) => options.onAttempt?.(provider, log) },
        ),
      );
      return { value: result.value, provider, attempts: attempts + result.attempts };
    } catch (err) {
      if (!(err instanceof RetriesExhausted)) throw err;
      // This provider gave up; the next configured one (a fallback) gets its turn.
      attempts += err.attempts;
      last = new RetriesExhausted(err.cause, attempts);
    }
  }
  if (!last) throw new Error("callProviders needs at least one provider");
  throw last;
}
