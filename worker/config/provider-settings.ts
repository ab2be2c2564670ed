// Settings of the provider machinery: timeout, retries, the order of each capability's chain, and
// each vendor's limiter (PROVIDER_CONCURRENCY / PROVIDER_RATE_PER_MINUTE, overridable per vendor
// as PROVIDER_CONCURRENCY_<NAME>, the names derived from the vendor list).
import { z } from "zod";
import type { CapabilityName } from "../providers/vendor";
import { VENDORS } from "../providers/vendors";
import { nonNegative, number, positive, text } from "./rules";

/** A limit that counts only when positive; otherwise the next rule decides. */
const limit = () => number(Number.NaN, positive).transform((n) => (Number.isNaN(n) ? undefined : n));
const scoped = (name: string) => VENDORS.map((v) => [`${name}_${v.name.toUpperCase()}`, limit()] as const);

/** The provider machinery's settings from the Worker's env. */
export const providerSettings = z
  .object({
    PROVIDER_TIMEOUT_MS: number(120_000, nonNegative),
    PROVIDER_MAX_ATTEMPTS: number(5, nonNegative).transform((n) => Math.max(1, n)),
    PROVIDER_RETRY_BASE_MS: number(2_000, nonNegative),
    PROVIDER_RETRY_MAX_MS: number(60_000, nonNegative),
    PROVIDER_INLINE_WAIT_MS: number(30_000, nonNegative),
    PROVIDER_ORDER: text(),
    INPAINTING_PROVIDER_ORDER: text(),
    SEGMENTATION_PROVIDER_ORDER: text(),
    TEXT_PROVIDER_ORDER: text(),
    PROVIDER_CONCURRENCY: limit(),
    PROVIDER_RATE_PER_MINUTE: limit(),
    ...Object.fromEntries([...scoped("PROVIDER_CONCURRENCY"), ...scoped("PROVIDER_RATE_PER_MINUTE")]),
  })
  .transform((s) => {
    const read = s as unknown as Record<string, number | undefined>;
    const defaults = { concurrency: s.PROVIDER_CONCURRENCY ?? 5, ratePerMinute: s.PROVIDER_RATE_PER_MINUTE ?? 5 };
    const limits = Object.fromEntries(
      VENDORS.map((v) => {
        const upper = v.name.toUpperCase();
        return [
          v.name,
          {
            concurrency: read[`PROVIDER_CONCURRENCY_${upper}`] ?? defaults.concurrency,
            ratePerMinute: read[`PROVIDER_RATE_PER_MINUTE_${upper}`] ?? defaults.ratePerMinute,
          },
        ];
      }),
    );
    const order: Record<CapabilityName, string | undefined> = {
      pose: s.PROVIDER_ORDER,
      inpainting: s.INPAINTING_PROVIDER_ORDER,
      segmentation: s.SEGMENTATION_PROVIDER_ORDER,
      textToImage: s.TEXT_PROVIDER_ORDER,
    };
    return {
      /** How long one provider call may take. */
      timeoutMs: s.PROVIDER_TIMEOUT_MS,
      retry: {
        maxAttempts: s.PROVIDER_MAX_ATTEMPTS,
        baseDelayMs: s.PROVIDER_RETRY_BASE_MS,
        maxDelayMs: s.PROVIDER_RETRY_MAX_MS,
        maxInlineWaitMs: s.PROVIDER_INLINE_WAIT_MS,
      },
      /** Each capability's *_PROVIDER_ORDER as written (comma-separated names), when set. */
      order,
      /** Concurrency and rate per vendor; `defaults` for any other name. */
      limits: limits as Record<string, { concurrency: number; ratePerMinute: number }>,
      defaultLimits: defaults,
    };
  });
