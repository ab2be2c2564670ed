// Pose rounds and their credits. Each time a pose runs (its first run, each retry) is a round,
// reserved before it runs; when it ends, its outcome is recorded here and told to the ledger once.
import type { Refused } from "../../worker/credits/ledger";
import { reservePoses, settlePoses, type PoseSettlement } from "../../worker/generations/pose-credits";
import type { Run } from "./run";
import { readMeta, type Meta } from "./storage";

/** A failed or cancelled pose and the round a retry gives it. */
export type RetryRound = {
  template_id: string;
  next: number;
};

/**
 * A pose's round is over: what its credits become, and which provider made the pose (it decides
 * the charge), told to the ledger by settleEndedRounds.
 */
export function endRound(
  run: Run,
  templateId: string,
  round: number,
  outcome: PoseSettlement["outcome"],
  provider: string | null = null,
) {
  run.sql.exec(
    "INSERT OR REPLACE INTO pose_rounds (template_id, round, outcome, provider, settled) VALUES (?, ?, ?, ?, 0)",
    templateId,
    round,
    outcome,
    provider,
  );
}

/** A retry cut off by a restart never queued its poses: whatever it reserved goes back. */
export function abandonReservingRounds(run: Run) {
  run.sql.exec("UPDATE pose_rounds SET outcome = 'refund' WHERE outcome IS NULL");
}

/**
 * Reserves a new round for each failed or cancelled pose not already being retried, or answers with the
 * refusal and changes nothing. The rounds are marked as being reserved before the ledger is
 * asked, so a second retry cannot take them too, and round numbers are never reused, so a
 * reservation is never mistaken for another's.
 */
export async function reserveRetryRounds(run: Run, meta: Meta): Promise<RetryRound[] | { refused: Refused }> {
  const picked = run.sql
    .exec<RetryRound>(
      `SELECT p.template_id, max(p.round, coalesce(max(r.round), 0)) + 1 AS next
           FROM poses p LEFT JOIN pose_rounds r ON r.template_id = p.template_id
          WHERE p.status IN ('failed', 'cancelled')
          GROUP BY p.template_id
         HAVING count(CASE WHEN r.outcome IS NULL AND r.round IS NOT NULL THEN 1 END) = 0`,
    )
    .toArray();
  if (picked.length === 0) return picked;
  for (const p of picked)
    run.sql.exec("INSERT INTO pose_rounds (template_id, round) VALUES (?, ?)", p.template_id, p.next);
  const reservation = await reservePoses(run.env, {
    userId: meta.userId,
    generationId: meta.generationId,
    quality: meta.quality,
    poses: picked.map((p) => ({ templateId: p.template_id, round: p.next })),
  });
  if (reservation.ok) return picked;
  for (const p of picked)
    run.sql.exec(
      "DELETE FROM pose_rounds WHERE template_id = ? AND round = ? AND outcome IS NULL",
      p.template_id,
      p.next,
    );
  return { refused: reservation };
}

/** The reserved round is under way, no longer being reserved; it is recorded again when it ends. */
export function roundUnderWay(run: Run, p: RetryRound) {
  run.sql.exec("DELETE FROM pose_rounds WHERE template_id = ? AND round = ?", p.template_id, p.next);
}

/**
 * Tells the ledger every pose round that ended since it was last told: spent or refunded, once
 * each (the ledger's keys make a repeat harmless, so a settle cut off halfway is simply redone).
 */
export async function settleEndedRounds(run: Run) {
  const meta = readMeta(run);
  const rounds = run.sql
    .exec<{ template_id: string; round: number; outcome: PoseSettlement["outcome"]; provider: string | null }>(
      "SELECT template_id, round, outcome, provider FROM pose_rounds WHERE settled = 0 AND outcome IS NOT NULL",
    )
    .toArray();
  if (!meta || rounds.length === 0) return;
  await settlePoses(run.env, {
    generationId: meta.generationId,
    rounds: rounds.map((r) => ({
      templateId: r.template_id,
      round: r.round,
      outcome: r.outcome,
      provider: r.provider,
    })),
  });
  for (const r of rounds)
    run.sql.exec(
      "UPDATE pose_rounds SET settled = 1 WHERE template_id = ? AND round = ? AND outcome = ?",
      r.template_id,
      r.round,
      r.outcome,
    );
}
