// Try again: a made pose gets a new round for a new image (a new take, a new seed), reserved and
// settled like a retry of a failed pose. The image it has stays shown until the new one is made.
import type { GenerationState } from "../../shared/api/generations";
import type { Refused } from "../../worker/credits/ledger";
import { reservePoses } from "../../worker/generations/pose-credits";
import { publish } from "./publish";
import { endRound, roundUnderWay } from "./rounds";
import type { Run } from "./run";
import { sendNext } from "./send-window";
import { readMeta, readPose, writeMeta } from "./storage";
import { scheduleAlarm, touch } from "./watchdog";

/** Why a pose cannot try again now: it is not made (or is running), or the server already tried once. */
export type TryAgainConflict = { conflict: "not_made" | "busy" | "auto_used" };

/**
 * Starts a new take of a made pose once its round is reserved; otherwise the refusal or the
 * conflict, and nothing changes. `auto`: the server's own try, at most one per pose.
 */
export async function tryAgain(
  run: Run,
  templateId: string,
  auto: boolean,
): Promise<GenerationState | { refused: Refused } | TryAgainConflict | null> {
  const meta = readMeta(run);
  const pose = readPose(run, templateId);
  if (!meta || !pose) return null;
  if (pose.status === "queued" || pose.status === "running") return { conflict: "busy" };
  if (pose.status !== "succeeded") return { conflict: "not_made" };
  if (auto && pose.auto_tries > 0) return { conflict: "auto_used" };
  const next = run.sql
    .exec<{ next: number; reserving: number }>(
      `SELECT max(?, coalesce(max(round), 0)) + 1 AS next, count(CASE WHEN outcome IS NULL THEN 1 END) AS reserving
         FROM pose_rounds WHERE template_id = ?`,
      pose.round,
      templateId,
    )
    .one();
  if (next.reserving > 0) return { conflict: "busy" };
  // Marked as being reserved before the ledger is asked: a second click cannot take it too.
  run.sql.exec("INSERT INTO pose_rounds (template_id, round) VALUES (?, ?)", templateId, next.next);
  const reservation = await reservePoses(run.env, {
    userId: meta.userId,
    generationId: meta.generationId,
    quality: meta.quality,
    poses: [{ templateId, round: next.next }],
  });
  if (!reservation.ok) {
    run.sql.exec(
      "DELETE FROM pose_rounds WHERE template_id = ? AND round = ? AND outcome IS NULL",
      templateId,
      next.next,
    );
    return { refused: reservation };
  }
  // Read again after the await: a cancel meanwhile gives the round back, the pose keeps its image.
  const now = readMeta(run)!;
  if ((now.cancels ?? 0) !== (meta.cancels ?? 0)) {
    endRound(run, templateId, next.next, "refund");
    return publish(run);
  }
  run.sql.exec(
    `UPDATE poses SET status = 'queued', error = NULL, failure = NULL, round = ?, take = ?, has_image = 1, auto_tries = auto_tries + ?,
       lease_until = NULL, sent = 0, round_calls = 0, stage = NULL, stages_done = 0 WHERE template_id = ?`,
    next.next,
    next.next,
    auto ? 1 : 0,
    templateId,
  );
  roundUnderWay(run, { template_id: templateId, next: next.next });
  writeMeta(run, { ...now, status: "running", completedAt: null });
  await sendNext(run);
  await touch(run);
  await scheduleAlarm(run);
  return publish(run);
}
