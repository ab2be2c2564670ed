// The run as a whole: started once, cancelled, and failed poses run again.
import { isFinalStatus, type GenerationState } from "../../shared/api/generations";
import type { Refused } from "../../worker/credits/ledger";
import { publish } from "./publish";
import { endRound, reserveRetryRounds, roundUnderWay } from "./rounds";
import type { Run } from "./run";
import { sendNext } from "./send-window";
import { readMeta, writeMeta, type Meta } from "./storage";
import { readState } from "./state";
import { scheduleAlarm, touch } from "./watchdog";

/** What starting a run needs: the generation and its poses, in order. */
export type RunStart = Pick<Meta, "generationId" | "userId" | "avatarId" | "quality" | "provider" | "row"> & {
  poseTemplateIds: string[];
};

/** Starts the run: its poses are queued, the first window of them sent. Calling it again changes nothing. */
export async function start(run: Run, init: RunStart) {
  if (readMeta(run)) return readState(run);
  const meta: Meta = {
    generationId: init.generationId,
    userId: init.userId,
    avatarId: init.avatarId,
    quality: init.quality,
    provider: init.provider,
    total: init.poseTemplateIds.length,
    status: "queued",
    createdAt: Date.now(),
    completedAt: null,
    row: init.row,
  };
  // The generation service reserved every pose's round 0 before starting the run.
  init.poseTemplateIds.forEach((id, i) =>
    run.sql.exec("INSERT INTO poses (template_id, position, status) VALUES (?, ?, 'queued')", id, i),
  );
  writeMeta(run, meta);
  await sendNext(run);
  await touch(run);
  await scheduleAlarm(run);
  return publish(run);
}

/** Stops the remaining poses; their rounds are refunded. */
export async function cancel(run: Run) {
  const meta = readMeta(run);
  if (!meta) return null;
  const cancels = (meta.cancels ?? 0) + 1;
  // Counted even when the run is over: a retry reserving meanwhile must not start its poses.
  if (isFinalStatus(meta.status)) {
    writeMeta(run, { ...meta, cancels });
    return readState(run);
  }
  const open = run.sql
    .exec<{ template_id: string; round: number }>(
      "SELECT template_id, round FROM poses WHERE status IN ('queued', 'running')",
    )
    .toArray();
  for (const p of open) endRound(run, p.template_id, p.round, "refund");
  // A pose trying again for a new image keeps the one it has.
  run.sql.exec(
    "UPDATE poses SET status = CASE WHEN has_image = 1 THEN 'succeeded' ELSE 'cancelled' END, lease_until = NULL WHERE status IN ('queued', 'running')",
  );
  writeMeta(run, { ...meta, status: "cancelled", completedAt: Date.now(), cancels });
  return publish(run);
}

/**
 * Runs the failed and cancelled poses again, each in a new round (old messages for them are
 * ignored), once their credits are reserved; otherwise answers with the refusal and changes nothing.
 */
export async function retryFailed(run: Run): Promise<GenerationState | { refused: Refused } | null> {
  const meta = readMeta(run);
  if (!meta) return null;
  const picked = await reserveRetryRounds(run, meta);
  if ("refused" in picked) return picked;
  if (picked.length === 0) return readState(run);
  // Read again after the await: a cancel may have come in meanwhile.
  const now = readMeta(run)!;
  const cancelledMeanwhile = (now.cancels ?? 0) !== (meta.cancels ?? 0);
  for (const p of picked) {
    if (cancelledMeanwhile) {
      run.sql.exec("UPDATE poses SET status = 'cancelled', round = ? WHERE template_id = ?", p.next, p.template_id);
      endRound(run, p.template_id, p.next, "refund");
      continue;
    }
    run.sql.exec(
      "UPDATE poses SET status = 'queued', error = NULL, failure = NULL, round = ?, lease_until = NULL, sent = 0, round_calls = 0, stage = NULL, stages_done = 0 WHERE template_id = ?",
      p.next,
      p.template_id,
    );
    roundUnderWay(run, p);
  }
  if (!cancelledMeanwhile) writeMeta(run, { ...now, status: "running", completedAt: null });
  await sendNext(run);
  await touch(run);
  await scheduleAlarm(run);
  return publish(run);
}
