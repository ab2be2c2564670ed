// The generation's row in D1 mirrors the run's progress, for lists and for readers that do not
// ask the Durable Object (the live state stays here). Only this file writes those columns, so a
// state whose columns the object last wrote already (a claim, a stage) costs no D1 round trip.
import { eq } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { db } from "../../worker/db/client";
import { poseGenerations } from "../../worker/db/schema";
import type { Run } from "./run";

/** The columns this object last wrote, per object (a new object writes again once). */
const written = new WeakMap<Run, string>();

/** Writes the state's status, counters and end time to the generation's D1 row, when they changed. */
export async function mirrorToD1(run: Run, generationId: string, state: GenerationState) {
  const columns = {
    status: state.status,
    progress: state.progress,
    successfulPoses: state.successfulPoses,
    failedPoses: state.failedPoses,
    completedAt: state.completedAt ? new Date(state.completedAt) : null,
  };
  const key = JSON.stringify(columns);
  if (written.get(run) === key) return;
  // Marked before the write, so a publish running alongside does not write the same again.
  written.set(run, key);
  try {
    await db(run.env).update(poseGenerations).set(columns).where(eq(poseGenerations.id, generationId));
  } catch (err) {
    if (written.get(run) === key) written.delete(run);
    throw err;
  }
}
