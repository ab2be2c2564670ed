// The generation's row in D1 mirrors the run's progress, for lists and for readers that do not
// ask the Durable Object (the live state stays here).
import { eq } from "drizzle-orm";
import type { GenerationState } from "../../shared/api/generations";
import { db } from "../../worker/db/client";
import { poseGenerations } from "../../worker/db/schema";
import type { Run } from "./run";

/** Writes the state's status, counters and end time to the generation's D1 row. */
export async function mirrorToD1(run: Run, generationId: string, state: GenerationState) {
  await db(run.env)
    .update(poseGenerations)
    .set({
      status: state.status,
      progress: state.progress,
      successfulPoses: state.successfulPoses,
      failedPoses: state.failedPoses,
      completedAt: state.completedAt ? new Date(state.completedAt) : null,
    })
    .where(eq(poseGenerations.id, generationId));
}
