// Where a batch's wall time goes, read from the fake provider's record of its calls (arrival and
// answer times) and the run's start and end: the calls are laid out on the C provider slots in the
// order they came (each call takes the slot freed first), and the slot that finished last is
// split exactly into its start latency, provider time, the gaps between an answer and that
// slot's next call, and the tail after its last answer.

/** One provider call as the fake saw it (ms since the epoch). */
export interface CallTimes {
  at: number;
  answeredAt: number;
}

export interface BatchTimeline {
  /** The batch's start (the POST) to the first provider call. */
  firstCallMs: number;
  /** The first call to the C-th: how long the slots took to fill. */
  rampMs: number;
  /** Mean provider time per call (arrival to answer). */
  providerMs: number;
  /** Every gap between a slot's answer and its next call, in call order. */
  gapsMs: number[];
  /** The slot that finished last: start → its first call, its calls' provider time, its gaps, and its tail (the last answer → the run's end). */
  critical: { startMs: number; calls: number; providerMs: number; gapsMs: number; tailMs: number };
}

/**
 * Lays `calls` out on `slots` slots and splits the wall time (`started` → `completed`). Throws when
 * there are no calls or an answer time is missing (a call still open when the run ended).
 */
export function batchTimeline(calls: CallTimes[], slots: number, started: number, completed: number): BatchTimeline {
  if (calls.length === 0) throw new Error("no provider calls recorded");
  const sorted = [...calls].sort((a, b) => a.at - b.at);
  const chains: CallTimes[][] = [];
  const gapsMs: number[] = [];
  for (const call of sorted) {
    if (chains.length < slots) {
      chains.push([call]);
      continue;
    }
    // The slot freed first (earliest last answer) takes the call.
    const chain = chains.reduce((a, b) => (a.at(-1)!.answeredAt <= b.at(-1)!.answeredAt ? a : b));
    gapsMs.push(call.at - chain.at(-1)!.answeredAt);
    chain.push(call);
  }
  const last = chains.reduce((a, b) => (a.at(-1)!.answeredAt >= b.at(-1)!.answeredAt ? a : b));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const provider = (c: CallTimes) => c.answeredAt - c.at;
  return {
    firstCallMs: sorted[0]!.at - started,
    rampMs: sorted[Math.min(slots, sorted.length) - 1]!.at - sorted[0]!.at,
    providerMs: sum(sorted.map(provider)) / sorted.length,
    gapsMs,
    critical: {
      startMs: last[0]!.at - started,
      calls: last.length,
      providerMs: sum(last.map(provider)),
      gapsMs: sum(last.slice(1).map((c, i) => c.at - last[i]!.answeredAt)),
      tailMs: completed - last.at(-1)!.answeredAt,
    },
  };
}

/** The timeline as one line of figures. */
export function describeTimeline(t: BatchTimeline): string {
  const mean = t.gapsMs.length ? t.gapsMs.reduce((s, x) => s + x, 0) / t.gapsMs.length : 0;
  const p90 = [...t.gapsMs].sort((a, b) => a - b)[Math.floor(0.9 * (t.gapsMs.length - 1))] ?? 0;
  const c = t.critical;
  return (
    `start → first provider call ${t.firstCallMs} ms (slots filled ${t.rampMs} ms later); ` +
    `provider time ${t.providerMs.toFixed(0)} ms mean; ` +
    `a slot's answer → its next call ${mean.toFixed(0)} ms mean, p90 ${p90} ms (${t.gapsMs.length} gaps); ` +
    `last answer → completed ${c.tailMs} ms. ` +
    `Last slot: start ${c.startMs} + ${c.calls} calls ${c.providerMs} + gaps ${c.gapsMs} + tail ${c.tailMs} ms`
  );
}
