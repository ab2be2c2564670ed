// Deterministic interleaving of async calls for race tests. A Durable Object lets other calls in
// while it awaits D1 (the input gate opens on outside I/O), so every D1 call is a point where a
// race can happen: `gatedD1` makes each one wait until the scheduler lets it through, and
// `Interleaver.run` lets them through in an order drawn from a seeded generator.

/** mulberry32: a small seeded generator, so a failing interleaving can be replayed from its seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export class Interleaver {
  private waiting: { label: string; go: () => void }[] = [];
  /** Labels of the D1 calls in the order they were let through (for a failure message). */
  readonly trace: string[] = [];
  /** While false, gates open at once (setup and checks run without the scheduler). */
  active = false;

  constructor(private readonly random: () => number) {}

  /** Waits for the scheduler's turn (or passes straight through when inactive). */
  gate(label: string): Promise<void> {
    if (!this.active) return Promise.resolve();
    return new Promise((go) => this.waiting.push({ label, go }));
  }

  /**
   * Runs the calls at once; whenever every unfinished call waits at a gate, a random one of them
   * goes on. Resolves with each call's outcome (errors are returned, not thrown).
   */
  async run(calls: (() => Promise<unknown>)[]): Promise<PromiseSettledResult<unknown>[]> {
    this.active = true;
    let open = calls.length;
    const all = Promise.allSettled(
      calls.map((call) =>
        Promise.resolve()
          .then(call)
          .finally(() => open--),
      ),
    );
    try {
      while (open > 0) {
        // Let every call run until it waits at a gate or ends.
        for (let i = 0; i < 5; i++) await tick();
        if (this.waiting.length === 0) continue;
        const [next] = this.waiting.splice(Math.floor(this.random() * this.waiting.length), 1);
        this.trace.push(next!.label);
        next!.go();
      }
      return await all;
    } finally {
      this.active = false;
      for (const w of this.waiting.splice(0)) w.go();
    }
  }
}

type Statement = D1PreparedStatement;

/** A D1 binding whose every query first waits at the interleaver's gate. */
export function gatedD1(db: D1Database, interleaver: Interleaver): D1Database {
  const real = new WeakMap<object, Statement>();
  const wrap = (stmt: Statement, sql: string): Statement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args), sql);
        if (prop === "run" || prop === "all" || prop === "first" || prop === "raw") {
          return async (...args: unknown[]) => {
            await interleaver.gate(sql.slice(0, 60));
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    real.set(proxy, stmt);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === "batch")
        return async (stmts: Statement[]) => {
          await interleaver.gate("batch");
          return target.batch(stmts.map((s) => real.get(s) ?? s));
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
