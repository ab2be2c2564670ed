// The watchdog: the alarm that hands on poses whose worker vanished (their lease ran out) and
// sends again the messages of a run that stalled. Resending is safe: claims let one worker through.
import { publish } from "./publish";
import { settleEndedRounds, endRound } from "./rounds";
import { leaseMs, stallMs, type Run } from "./run";
import { resendLost, sendNext } from "./send-window";
import { readMeta } from "./storage";

/** A pose whose worker vanished this many times fails instead of being queued again. */
const MAX_CLAIMS = 3;

/** Something happened (a claim, a release, an outcome): the run is not stalled. */
export async function touch(run: Run) {
  await run.ctx.storage.put("activity", Date.now());
}

/** Until when a claim made now holds. */
export const leaseEnd = (run: Run, now: number) => now + leaseMs(run);

/**
 * The alarm. A pose whose worker vanished (lease ran out) is queued again, or fails after
 * MAX_CLAIMS tries; when the run has stalled (poses open, nothing happening), the queued poses'
 * messages count as lost and are sent again.
 */
export async function watch(run: Run) {
  const meta = readMeta(run);
  if (!meta) return;
  // Whatever a cut-off call left unsettled is settled here.
  await settleEndedRounds(run);
  if (meta.status === "cancelled") return;
  const now = Date.now();
  const expired = `status = 'running' AND lease_until < ${now}`;
  for (const p of run.sql
    .exec<{ template_id: string; round: number }>(
      `SELECT template_id, round FROM poses WHERE ${expired} AND attempts >= ${MAX_CLAIMS}`,
    )
    .toArray())
    endRound(run, p.template_id, p.round, "refund");
  const gaveUp = run.sql.exec(
    `UPDATE poses SET status = 'failed', error = 'Timed out: no result after ${MAX_CLAIMS} tries.', failure = ?, lease_until = NULL WHERE ${expired} AND attempts >= ${MAX_CLAIMS}`,
    JSON.stringify({ code: "timed_out", params: { tries: MAX_CLAIMS } }),
  ).rowsWritten;
  // Queued again and unsent: sendNext gives them new messages within the window.
  const requeued = run.sql.exec(
    `UPDATE poses SET status = 'queued', lease_until = NULL, sent = 0 WHERE ${expired}`,
  ).rowsWritten;
  const changed = gaveUp > 0 || requeued > 0;
  const activity = (await run.ctx.storage.get<number>("activity")) ?? 0;
  if (now - activity >= stallMs(run)) {
    await resendLost(run);
    await touch(run);
  }
  await sendNext(run);
  if (changed) await publish(run);
  await scheduleAlarm(run);
}

/** Wakes the watchdog at the next lease end, or when the run would count as stalled. */
export async function scheduleAlarm(run: Run) {
  const open = run.sql
    .exec<{ n: number; lease: number | null }>(
      "SELECT count(*) AS n, min(CASE WHEN status = 'running' THEN lease_until END) AS lease FROM poses WHERE status IN ('queued', 'running')",
    )
    .one();
  if (open.n === 0) return run.ctx.storage.deleteAlarm();
  const activity = (await run.ctx.storage.get<number>("activity")) ?? Date.now();
  const stalled = activity + stallMs(run);
  await run.ctx.storage.setAlarm(Math.min(stalled, (open.lease ?? stalled) + 1000));
}
