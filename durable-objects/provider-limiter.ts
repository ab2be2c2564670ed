import { DurableObject } from "cloudflare:workers";

export interface LimiterSettings {
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls started per minute (a token bucket of that size, refilled continuously). */
  ratePerMinute: number;
  /** A slot whose holder never released it is reclaimed after this long. */
  leaseMs: number;
}

export type Acquired = { ok: true; leaseId: string } | { ok: false; waitMs: number };

interface Waiter {
  settings: LimiterSettings;
  resolve: (slot: Acquired) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One per provider (`idFromName(provider)`): every Worker and queue consumer asks it for a slot
 * before calling that provider, so its concurrency and rate limits hold across the whole system.
 * Callers that find every slot taken wait here, first come first served; a released slot goes
 * straight to the next waiter.
 */
export class ProviderLimiterDurableObject extends DurableObject<Env> {
  private leases = new Map<string, number>();
  private tokens: number | null = null;
  private tokensAt = 0;
  private waiters: Waiter[] = [];

  /** A slot now, or after waiting up to `maxWaitMs` for one to be released. */
  async acquire(settings: LimiterSettings, maxWaitMs = 0): Promise<Acquired> {
    const slot = this.tryGrant(settings);
    if (slot.ok || maxWaitMs <= 0 || this.leases.size < settings.concurrency) return slot;
    return new Promise<Acquired>((resolve) => {
      const waiter: Waiter = {
        settings,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve({ ok: false, waitMs: 0 });
        }, maxWaitMs),
      };
      this.waiters.push(waiter);
    });
  }

  async release(leaseId: string): Promise<void> {
    this.leases.delete(leaseId);
    while (this.waiters.length > 0) {
      const next = this.waiters[0]!;
      const slot = this.tryGrant(next.settings);
      if (!slot.ok) break;
      this.waiters.shift();
      clearTimeout(next.timer);
      next.resolve(slot);
    }
  }

  /** For operations views and tests. */
  async inFlight(): Promise<number> {
    this.expireLeases(Date.now());
    return this.leases.size;
  }

  /** Callers waiting for a slot, for operations views and tests. */
  async waiting(): Promise<number> {
    return this.waiters.length;
  }

  private expireLeases(now: number) {
    for (const [id, expires] of this.leases) if (expires <= now) this.leases.delete(id);
  }

  private tryGrant(settings: LimiterSettings): Acquired {
    const now = Date.now();
    this.expireLeases(now);
    const capacity = Math.max(1, settings.ratePerMinute);
    const perMs = settings.ratePerMinute / 60_000;
    this.tokens = Math.min(capacity, (this.tokens ?? capacity) + (now - this.tokensAt) * perMs);
    this.tokensAt = now;
    if (this.leases.size >= settings.concurrency) return { ok: false, waitMs: 50 };
    if (this.tokens < 1) return { ok: false, waitMs: Math.ceil((1 - this.tokens) / perMs) };
    this.tokens -= 1;
    const leaseId = crypto.randomUUID();
    this.leases.set(leaseId, now + settings.leaseMs);
    return { ok: true, leaseId };
  }
}
