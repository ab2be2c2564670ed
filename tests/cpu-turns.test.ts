// CPU turns (worker/runtime/cpu-turns.ts): pose stages run one at a time, a turn is handed on
// only after a timer (so the runtime reads its sockets in between), a wait on the network leaves
// the turn, and nothing deadlocks when a turn waits on work that needs a turn.
import { describe, expect, it } from "vitest";
import { inTurn, outsideTurn, turnState, yieldTurn } from "../worker/runtime/cpu-turns";

const tick = () => new Promise((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("CPU turns", () => {
  it("runs turns one after another, in the order asked", async () => {
    const log: string[] = [];
    const turn = (name: string) =>
      inTurn(async () => {
        log.push(`${name} start`);
        await Promise.resolve();
        log.push(`${name} end`);
      });
    await Promise.all([turn("a"), turn("b"), turn("c")]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
    expect(turnState()).toEqual({ busy: false, waiting: 0 });
  });

  it("lets a timer that was due (a request waiting to be read) run between two turns", async () => {
    const log: string[] = [];
    await Promise.all([
      inTurn(() => {
        // Something arrives while the first turn is busy: it must not wait for the second turn too.
        setTimeout(() => log.push("request"), 0);
        log.push("first");
      }),
      inTurn(() => {
        log.push("second");
      }),
    ]);
    expect(log).toEqual(["first", "request", "second"]);
  });

  it("gives the turn away while waiting on the network and takes it back after", async () => {
    const log: string[] = [];
    await Promise.all([
      inTurn(async () => {
        log.push("a before");
        await outsideTurn(() => sleep(20));
        log.push("a after");
      }),
      inTurn(() => {
        log.push("b");
      }),
    ]);
    expect(log).toEqual(["a before", "b", "a after"]);
  });

  it("yields between two steps of one turn", async () => {
    const log: string[] = [];
    await Promise.all([
      inTurn(async () => {
        log.push("a step 1");
        await yieldTurn();
        log.push("a step 2");
      }),
      inTurn(() => {
        log.push("b");
      }),
    ]);
    expect(log).toEqual(["a step 1", "b", "a step 2"]);
  });

  it("runs a turn asked for inside a turn at once", async () => {
    const value = await inTurn(() => inTurn(async () => 7));
    expect(value).toBe(7);
    expect(turnState().busy).toBe(false);
  });

  it("does not deadlock when a turn waits (outside its turn) on shared work that takes a turn", async () => {
    // As scene paintings are shared by the poses of a generation: started by one, awaited by all.
    let shared: Promise<string> | null = null;
    const paint = () =>
      (shared ??= (async () => {
        await outsideTurn(() => sleep(10));
        return inTurn(() => "painted");
      })());
    const pose = () => inTurn(() => outsideTurn(() => paint()));
    const result = await Promise.race([Promise.all([pose(), pose(), pose()]), sleep(5_000).then(() => "deadlocked")]);
    expect(result).toEqual(["painted", "painted", "painted"]);
    expect(turnState()).toEqual({ busy: false, waiting: 0 });
  });

  it("frees the turn when the work throws", async () => {
    await expect(
      inTurn(() => {
        throw new Error("bad pose");
      }),
    ).rejects.toThrow("bad pose");
    expect(turnState()).toEqual({ busy: false, waiting: 0 });
    await tick();
  });
});
