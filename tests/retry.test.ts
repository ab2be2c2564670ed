import { describe, expect, it } from "vitest";
import { ProviderError } from "../worker/providers/provider";
import {
  Cancelled,
  RetriesExhausted,
  RetryLater,
  backoffDelay,
  withRetries,
  type RetryPolicy,
} from "../worker/providers/retry";

const policy = (waits: number[], overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  maxInlineWaitMs: 5000,
  random: () => 1,
  sleep: async (ms) => void waits.push(ms),
  ...overrides,
});
const fail = (kind: ProviderError["kind"], retryAfterMs?: number) =>
  new ProviderError(kind, kind, "test", retryAfterMs);

describe("provider retries", () => {
  it("backs off exponentially with jitter and succeeds after transient failures", async () => {
    const waits: number[] = [];
    const errors = [fail("server"), fail("timeout"), fail("bad_response")];
    const result = await withRetries(async () => {
      const e = errors.shift();
      if (e) throw e;
      return "image";
    }, policy(waits));
    expect(result).toEqual({ value: "image", attempts: 4 });
    expect(waits).toEqual([100, 200, 400]);
  });

  it("jitters between half and all of the exponential delay, capped", () => {
    const p = policy([], { random: () => 0 });
    expect(backoffDelay(fail("server"), 1, p)).toBe(50);
    expect(backoffDelay(fail("server"), 10, { ...p, random: () => 1 })).toBe(1000);
  });

  it("waits at least what the provider asked for (estimated_time, Retry-After)", async () => {
    const waits: number[] = [];
    const errors = [fail("loading", 3000), fail("rate_limited", 1500)];
    await withRetries(async () => {
      const e = errors.shift();
      if (e) throw e;
      return 1;
    }, policy(waits));
    expect(waits).toEqual([3000, 1500]);
  });

  it("gives up at once on a permanent error", async () => {
    let calls = 0;
    const err = await withRetries(async () => {
      calls++;
      throw fail("rejected");
    }, policy([])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    expect((err as RetriesExhausted).attempts).toBe(1);
    expect(calls).toBe(1);
  });

  it("gives up after maxAttempts", async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw fail("server");
      },
      policy([], { maxAttempts: 3 }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    expect(calls).toBe(3);
  });

  it("hands long waits back to the caller instead of holding the Worker", async () => {
    const err = await withRetries(async () => {
      throw fail("loading", 60_000);
    }, policy([])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLater);
    expect((err as RetryLater).delayMs).toBe(60_000);
  });

  it("stops before an attempt when the generation is cancelled", async () => {
    let calls = 0;
    let open = true;
    const err = await withRetries(
      async () => {
        calls++;
        open = false;
        throw fail("server");
      },
      policy([]),
      { proceed: async () => open },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cancelled);
    expect(calls).toBe(1);
  });
});
