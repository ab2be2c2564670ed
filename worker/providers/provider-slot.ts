// Waits for a slot at a provider's limiter (concurrency and rate, shared by the whole system).
import type { LimiterSettings } from "../../durable-objects/provider-limiter";
import { config } from "../config";
import { ProviderError } from "./provider";
import { Cancelled, RetryLater } from "./retry";

/** A provider's limiter settings: its own limits (or the global ones) and a lease past its timeout. */
export function limiterSettings(env: Env, provider: string): LimiterSettings {
  const { limits, defaultLimits, timeoutMs } = config(env).providers;
  return { ...(limits[provider] ?? defaultLimits), leaseMs: timeoutMs + 30_000 };
}

/**
 * Holds a slot for the duration of `call`, or until `call` hands it back early with `release` (its
 * answer is in; what is left is our own work, and the next caller need not wait for it). Waits in
 * place while the wait is short; a long wait (a tight rate limit) becomes RetryLater so the queue
 * brings the pose back instead.
 */
export async function withProviderSlot<T>(
  env: Env,
  provider: string,
  call: (release: () => Promise<void>) => Promise<T>,
  options: { maxInlineWaitMs: number; proceed?: () => Promise<boolean> },
): Promise<T> {
  const limiter = env.PROVIDER_LIMITER.get(env.PROVIDER_LIMITER.idFromName(provider));
  const settings = limiterSettings(env, provider);
  let waited = 0;
  for (;;) {
    // Wait inside the limiter for a released slot, a few seconds at a time (cancel checks between).
    const started = Date.now();
    const slot = await limiter.acquire(settings, Math.min(5_000, Math.max(0, options.maxInlineWaitMs - waited)));
    waited += Date.now() - started;
    if (slot.ok) {
      let released: Promise<void> | null = null;
      const release = () => (released ??= limiter.release(slot.leaseId));
      try {
        return await call(release);
      } finally {
        await release();
      }
    }
    if (waited + slot.waitMs >= options.maxInlineWaitMs) {
      throw new RetryLater(
        slot.waitMs,
        new ProviderError("rate_limited", `Waiting for a ${provider} slot.`, provider),
        0,
      );
    }
    await new Promise((r) => setTimeout(r, slot.waitMs));
    waited += slot.waitMs;
    if (options.proceed && !(await options.proceed())) throw new Cancelled();
  }
}
