import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const limiter = () => env.PROVIDER_LIMITER.get(env.PROVIDER_LIMITER.idFromName(`test-${crypto.randomUUID()}`));

describe("provider limiter (one per provider, shared by every Worker)", () => {
  it("holds concurrency: a third caller waits until a slot is released", async () => {
    const l = limiter();
    const settings = { concurrency: 2, ratePerMinute: 1000, leaseMs: 60_000 };
    const a = await l.acquire(settings);
    const b = await l.acquire(settings);
    expect(a.ok && b.ok).toBe(true);
    const c = await l.acquire(settings);
    expect(c.ok).toBe(false);
    expect(c.ok ? 0 : c.waitMs).toBeGreaterThan(0);
    expect(await l.inFlight()).toBe(2);
    if (a.ok) await l.release(a.leaseId);
    expect((await l.acquire(settings)).ok).toBe(true);
  });

  it("holds the rate: after the bucket empties the wait is a token's refill time", async () => {
    const l = limiter();
    const settings = { concurrency: 100, ratePerMinute: 2, leaseMs: 60_000 };
    for (let i = 0; i < 2; i++) {
      const slot = await l.acquire(settings);
      expect(slot.ok).toBe(true);
      if (slot.ok) await l.release(slot.leaseId);
    }
    const third = await l.acquire(settings);
    expect(third.ok).toBe(false);
    expect(third.ok ? 0 : third.waitMs).toBeGreaterThan(25_000);
    expect(third.ok ? 0 : third.waitMs).toBeLessThanOrEqual(30_000);
  });

  it("reclaims a slot whose holder vanished once its lease runs out", async () => {
    const l = limiter();
    const settings = { concurrency: 1, ratePerMinute: 1000, leaseMs: 50 };
    expect((await l.acquire(settings)).ok).toBe(true);
    expect((await l.acquire(settings)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect((await l.acquire(settings)).ok).toBe(true);
  });

  it("hands a released slot to the caller waiting for it, first come first served", async () => {
    const l = limiter();
    const settings = { concurrency: 1, ratePerMinute: 1000, leaseMs: 60_000 };
    const held = await l.acquire(settings);
    const order: string[] = [];
    // Each waiter is seen queued before the next one asks: two calls in flight at once may arrive
    // in either order, and a loaded machine can take longer than any fixed pause to deliver them.
    const queued = async (n: number) => {
      while ((await l.waiting()) < n) await new Promise((r) => setTimeout(r, 10));
    };
    const first = l.acquire(settings, 60_000).then((s) => (order.push("first"), s));
    await queued(1);
    const second = l.acquire(settings, 60_000).then((s) => (order.push("second"), s));
    await queued(2);
    if (held.ok) await l.release(held.leaseId);
    const got = await first;
    expect(got.ok).toBe(true);
    expect(order).toEqual(["first"]);
    if (got.ok) await l.release(got.leaseId);
    expect((await second).ok).toBe(true);
    expect(order).toEqual(["first", "second"]);
  });

  it("gives up waiting after maxWaitMs", async () => {
    const l = limiter();
    const settings = { concurrency: 1, ratePerMinute: 1000, leaseMs: 60_000 };
    await l.acquire(settings);
    const t = Date.now();
    expect((await l.acquire(settings, 100)).ok).toBe(false);
    expect(Date.now() - t).toBeGreaterThanOrEqual(90);
  });
});
