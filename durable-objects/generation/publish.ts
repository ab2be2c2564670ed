// After every change: the overall status, the credits of ended rounds, the D1 row, the viewers.
import { isFinalStatus, type GenerationState } from "../../shared/api/generations";
import { mirrorToD1 } from "./d1-mirror";
import { broadcast } from "./live";
import { settleEndedRounds } from "./rounds";
import type { Run } from "./run";
import { countOpenPoses, countPoses, readMeta, writeMeta } from "./storage";
import { readState } from "./state";

/** Settles the overall status and the credits of ended rounds, mirrors into D1, pushes to viewers. */
export async function publish(run: Run): Promise<GenerationState | null> {
  let meta = readMeta(run)!;
  if (countOpenPoses(run) === 0 && !isFinalStatus(meta.status)) {
    const ok = countPoses(run, "succeeded");
    meta = {
      ...meta,
      status: ok === meta.total ? "completed" : ok > 0 ? "partial" : "failed",
      completedAt: Date.now(),
    };
    writeMeta(run, meta);
  }
  await settleEndedRounds(run);
  const state = readState(run)!;
  await mirrorToD1(run, meta.generationId, state);
  broadcast(run, state);
  return state;
}
