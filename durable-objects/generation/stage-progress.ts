// Progress within a pose: the worker says which stage it starts, so viewers see each pose's stage
// and a bar that moves stage by stage instead of pose by pose.
import { holds } from "./claims";
import { broadcast } from "./live";
import type { Run } from "./run";
import { readState } from "./state";
import { readPose } from "./storage";

/** Where a worker is in a pose: the stage it starts and how many of the pose's stages are done. */
export interface StageStart {
  stage: string;
  done: number;
  count: number;
}

/**
 * Records the stage a pose's worker starts and pushes the state to viewers. Ignored (false) unless
 * that worker still holds the pose. Nothing the ledger or the D1 row keeps changes, so only the
 * viewers are told.
 */
export function startStage(run: Run, templateId: string, round: number, at: StageStart, attempt?: number): boolean {
  const pose = readPose(run, templateId);
  if (!pose || pose.status !== "running" || !holds(pose, round, attempt)) return false;
  const count = Math.max(1, Math.floor(at.count));
  const done = Math.min(Math.max(0, Math.floor(at.done)), count);
  // A redelivery that resumes from stored stages never moves the bar back.
  run.sql.exec(
    "UPDATE poses SET stage = ?, stages_done = max(stages_done, ?), stage_count = ? WHERE template_id = ?",
    at.stage,
    done,
    count,
    templateId,
  );
  broadcast(run, readState(run)!);
  return true;
}
