// Claims and leases: a queue consumer claims a pose before working on it, asks before each
// provider call, and reports the outcome. A claim is a round and an attempt: once its lease ran
// out and the pose went to another worker, or the run was cancelled, it no longer counts.
import { publish } from "./publish";
import { endRound } from "./rounds";
import { maxProviderCalls, type Run } from "./run";
import { keepFreshVerdict, type FreshVerdict } from "./verdicts";
import { sendNext } from "./send-window";
import { readState } from "./state";
import { readMeta, readPose, writeMeta, type PoseRow } from "./storage";
import { leaseEnd, scheduleAlarm, touch } from "./watchdog";
import type { PoseFailure } from "../../shared/generations/pose-failure";

/** The answer to a worker's claim. */
export interface Claim {
  proceed: boolean;
  /** When another worker holds the pose: try again after this long. */
  retryAfterMs?: number;
  attempt?: number;
  /** Provider calls this round already made (earlier deliveries). */
  roundCalls?: number;
}

/** May the worker call a provider now? Counted when yes. */
export interface ProviderCallTicket {
  allowed: boolean;
  /** Why not: the pose reached its cap, or the worker no longer holds it. */
  reason?: "cap" | "lost";
  cap: number;
  /** Calls this round (this one included, when allowed). */
  roundCalls: number;
}

/** What a worker reports when a pose is done. */
export interface PoseOutcome {
  success: boolean;
  error?: string;
  /** The failure's code and values, for other languages than the English `error`. */
  failure?: PoseFailure;
  provider?: string;
  /** A made pose's fresh verdict, as its D1 row now has it (stars start over). */
  verdict?: FreshVerdict;
}

/** The claim a worker holds: its round and (when it says) its attempt must still be the pose's own. */
export const holds = (pose: PoseRow | undefined, round: number, attempt?: number) =>
  !!pose && pose.round === round && (attempt === undefined || pose.attempts === attempt);

const isOver = (pose: PoseRow) =>
  pose.status === "succeeded" || pose.status === "failed" || pose.status === "cancelled";

/** A worker asks to work on a pose. No: done, cancelled, a stale message, or someone else has it. */
export async function claim(run: Run, templateId: string, round: number): Promise<Claim> {
  const meta = readMeta(run);
  const pose = readPose(run, templateId);
  if (!meta || !pose || meta.status === "cancelled" || pose.round !== round) return { proceed: false };
  if (isOver(pose)) return { proceed: false };
  const now = Date.now();
  if (pose.status === "running" && (pose.lease_until ?? 0) > now) {
    return { proceed: false, retryAfterMs: (pose.lease_until ?? now) - now };
  }
  run.sql.exec(
    "UPDATE poses SET status = 'running', attempts = attempts + 1, lease_until = ? WHERE template_id = ?",
    leaseEnd(run, now),
    templateId,
  );
  if (meta.status === "queued") writeMeta(run, { ...meta, status: "running" });
  await touch(run);
  await sendNext(run);
  await scheduleAlarm(run);
  await publish(run);
  return { proceed: true, attempt: pose.attempts + 1, roundCalls: pose.round_calls };
}

/**
 * Asked right before each provider call of a pose. Counts the call, or refuses it once the pose
 * has made its POSE_MAX_PROVIDER_CALLS across all rounds (or the worker lost its claim).
 */
export function providerCall(run: Run, templateId: string, round: number, attempt?: number): ProviderCallTicket {
  const cap = maxProviderCalls(run);
  const pose = readPose(run, templateId);
  if (!pose || pose.status !== "running" || !holds(pose, round, attempt))
    return { allowed: false, reason: "lost", cap, roundCalls: pose?.round_calls ?? 0 };
  if (pose.provider_calls >= cap) return { allowed: false, reason: "cap", cap, roundCalls: pose.round_calls };
  run.sql.exec(
    "UPDATE poses SET provider_calls = provider_calls + 1, round_calls = round_calls + 1 WHERE template_id = ?",
    templateId,
  );
  return { allowed: true, cap, roundCalls: pose.round_calls + 1 };
}

/**
 * Asked before every provider call and before an outcome is written: false once the generation
 * is cancelled, or the pose was handed to another worker after this one's lease ran out.
 */
export function checkpoint(run: Run, templateId: string, round: number, attempt?: number): boolean {
  const meta = readMeta(run);
  const pose = readPose(run, templateId);
  return !!meta && meta.status !== "cancelled" && pose?.status === "running" && holds(pose, round, attempt);
}

/** The worker gives the pose back (it will come again later, e.g. after a long provider wait). */
export async function release(run: Run, templateId: string, round: number, attempt?: number) {
  if (!holds(readPose(run, templateId), round, attempt)) return readState(run);
  run.sql.exec(
    "UPDATE poses SET status = 'queued', lease_until = NULL WHERE template_id = ? AND round = ? AND status = 'running'",
    templateId,
    round,
  );
  await touch(run);
  return publish(run);
}

/** A pose's outcome. Ignored unless that worker still holds the pose (redeliveries, cancels, lost leases). */
export async function complete(run: Run, templateId: string, round: number, outcome: PoseOutcome, attempt?: number) {
  const pose = readPose(run, templateId);
  if (!pose || !holds(pose, round, attempt) || pose.status !== "running") return { accepted: false };
  // A failed new take keeps the image the pose already had: the pose stays made.
  const made = outcome.success ? 1 : 0;
  const keeps = !outcome.success && pose.has_image ? 1 : 0;
  run.sql.exec(
    `UPDATE poses SET status = ?, error = ?, failure = ?, lease_until = NULL, provider = CASE WHEN ? THEN provider ELSE ? END,
       has_image = max(has_image, ?), image_take = CASE WHEN ? THEN take ELSE image_take END WHERE template_id = ?`,
    made || keeps ? "succeeded" : "failed",
    outcome.success ? null : (outcome.error ?? "failed"),
    outcome.success || !outcome.failure ? null : JSON.stringify(outcome.failure),
    keeps,
    outcome.provider ?? null,
    made,
    made,
    templateId,
  );
  if (outcome.success) keepFreshVerdict(run, templateId, outcome.verdict);
  endRound(run, templateId, round, outcome.success ? "spend" : "refund", outcome.provider ?? null);
  await touch(run);
  await sendNext(run);
  await publish(run);
  return { accepted: true };
}

/** A message that kept failing reached the dead-letter queue: its pose has failed. */
export async function deadLettered(run: Run, templateId: string, round: number) {
  const pose = readPose(run, templateId);
  if (!pose || pose.round !== round || isOver(pose)) return readState(run);
  run.sql.exec(
    "UPDATE poses SET status = CASE WHEN has_image = 1 THEN 'succeeded' ELSE 'failed' END, error = ?, failure = ?, lease_until = NULL WHERE template_id = ?",
    "Gave up after repeated delivery failures.",
    JSON.stringify({ code: "dead_letter" } satisfies PoseFailure),
    templateId,
  );
  endRound(run, templateId, round, "refund");
  await sendNext(run);
  return publish(run);
}
