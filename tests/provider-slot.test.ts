import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { withProviderSlot } from "../worker/providers/provider-slot";

/** One slot for a provider no other test uses. */
function oneSlot() {
  const provider = `test-${crypto.randomUUID()}`;
  const e = { ...env, PROVIDER_CONCURRENCY: "1", PROVIDER_RATE_PER_MINUTE: "1000" } as unknown as Env;
  const limiter = env.PROVIDER_LIMITER.get(env.PROVIDER_LIMITER.idFromName(provider));
  return { e, provider, limiter };
}

const options = { maxInlineWaitMs: 20_000 };

describe("a provider slot", () => {
  it("goes to the next caller as soon as the holder releases it, while the holder's own work goes on", async () => {
    const { e, provider, limiter } = oneSlot();
    const order: string[] = [];
    let finish!: () => void;
    const converting = new Promise<void>((resolve) => (finish = resolve));
    let answered!: () => void;
    const released = new Promise<void>((resolve) => (answered = resolve));
    const first = withProviderSlot(
      e,
      provider,
      async (release) => {
        order.push("first calls");
        await release();
        answered();
        // The holder's own work after the answer (converting the image): the slot is not needed.
        await converting;
        order.push("first done");
      },
      options,
    );
    await released;
    await withProviderSlot(e, provider, async () => void order.push("second calls"), options);
    expect(order).toEqual(["first calls", "second calls"]);
    finish();
    await first;
    expect(order).toEqual(["first calls", "second calls", "first done"]);
    expect(await limiter.inFlight()).toBe(0);
  });

  it("is released once when the holder released it early, and when it did not, after its call", async () => {
    const { e, provider, limiter } = oneSlot();
    await withProviderSlot(
      e,
      provider,
      async (release) => {
        await release();
        await release();
      },
      options,
    );
    expect(await limiter.inFlight()).toBe(0);
    await withProviderSlot(
      e,
      provider,
      async () => {
        expect(await limiter.inFlight()).toBe(1);
      },
      options,
    );
    expect(await limiter.inFlight()).toBe(0);
  });

  it("is released when the call fails after releasing it early", async () => {
    const { e, provider, limiter } = oneSlot();
    const failing = withProviderSlot(
      e,
      provider,
      async (release) => {
        await release();
        throw new Error("unreadable image");
      },
      options,
    );
    await expect(failing).rejects.toThrow("unreadable image");
    expect(await limiter.inFlight()).toBe(0);
  });
});
