// CPU turns: pose work that keeps the isolate busy takes turns, one at a time.
//
// Why: an isolate runs one piece of JavaScript at a time, and a pose's stages are mostly CPU
// (decoding, drawing, compositing, encoding) between awaits that finish without the network
// (in-process bindings under `wrangler dev`). Five poses of one queue batch then keep the isolate
// busy for seconds on end without it ever reading a socket: every request to that isolate — a
// status read, the live view — waits, and a kept-alive connection can be dropped with a request
// on it, which `wrangler dev`'s proxy never answers. So a stage runs inside a turn, and a turn is
// handed on through a timer: a timer fires only after the runtime has polled its sockets, so
// requests get in between any two turns. Waiting on a provider (network, seconds to minutes)
// happens outside the turn, so AI poses still overlap. Turns are per isolate (module state) and
// span requests: a batch's poses, and two batches in one isolate, share them.
import { AsyncLocalStorage } from "node:async_hooks";

/** The flow's turn: one object per inTurn, shared by everything that flow awaits. */
const holding = new AsyncLocalStorage<{ held: boolean }>();
let busy = false;
const waiting: Array<() => void> = [];

/** A turn is handed on however long it is held, but no waiter waits past this (a lost holder). */
const MAX_WAIT_MS = 30_000;

/**
 * Takes the turn, then waits for a timer before running: the wait is in the taker's own request
 * (a timer of a finished request never fires), and the runtime reads its sockets before it ends.
 */
async function acquire(): Promise<void> {
  if (busy) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      timer = setTimeout(() => {
        const i = waiting.indexOf(resolve);
        if (i >= 0) waiting.splice(i, 1);
        resolve();
      }, MAX_WAIT_MS);
    });
    clearTimeout(timer);
  }
  busy = true;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Hands the turn to the longest waiter, or frees it. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else busy = false;
}

/** Runs `work` in a CPU turn (at once if the caller already holds one). */
export async function inTurn<T>(work: () => Promise<T> | T): Promise<T> {
  if (holding.getStore()?.held) return work();
  await acquire();
  const turn = { held: true };
  try {
    return await holding.run(turn, work);
  } finally {
    if (turn.held) release();
  }
}

/** Runs `work` (a wait on the network) without the caller's turn, taking a turn again after it. */
export async function outsideTurn<T>(work: () => Promise<T>): Promise<T> {
  const turn = holding.getStore();
  if (!turn?.held) return work();
  turn.held = false;
  release();
  try {
    return await work();
  } finally {
    await acquire();
    turn.held = true;
  }
}

/** Between two long CPU steps of one turn: lets requests and other poses in, then goes on. */
export const yieldTurn = (): Promise<void> => outsideTurn(async () => {});

/** Tests: how many are waiting for a turn and whether one is held. */
export const turnState = () => ({ busy, waiting: waiting.length });
