import { describe, expect, it } from "vitest";
import { batchTimeline } from "../bench/harness/batch-timeline";

describe("the throughput bench's timeline", () => {
  it("lays calls on the slot freed first and splits the last slot's time exactly", () => {
    const calls = [
      { at: 100, answeredAt: 1100 },
      { at: 150, answeredAt: 1150 },
      { at: 1200, answeredAt: 2200 },
      { at: 1160, answeredAt: 2160 },
    ];
    const t = batchTimeline(calls, 2, 0, 2300);
    expect(t.firstCallMs).toBe(100);
    expect(t.rampMs).toBe(50);
    expect(t.providerMs).toBe(1000);
    // The call at 1160 takes the slot freed at 1100, the one at 1200 the slot freed at 1150.
    expect(t.gapsMs).toEqual([60, 50]);
    expect(t.critical).toEqual({ startMs: 150, calls: 2, providerMs: 2000, gapsMs: 50, tailMs: 100 });
    const c = t.critical;
    expect(c.startMs + c.providerMs + c.gapsMs + c.tailMs).toBe(2300);
  });

  it("refuses a run without calls", () => {
    expect(() => batchTimeline([], 5, 0, 1000)).toThrow("no provider calls");
  });
});
