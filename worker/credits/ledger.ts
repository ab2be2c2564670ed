// An account's credits: balance, daily limit, welcome credits, grants and avatar candidates (a
// generation's per-pose credits: worker/generations/pose-credits.ts). Every write is one SQL statement with an idempotency
// key, so a repeated call (a retried Durable Object step, a redelivered message) changes nothing.
import { CREDITS_PER_CANDIDATE } from "../../shared/api/credits";
import { config } from "../config";
import { ApiError } from "../errors";

export type Reservation =
  | { ok: true; cost: number }
  | { ok: false; status: 402 | 429; code: string; message: string; details: Record<string, unknown> };

export type Refused = Extract<Reservation, { ok: false }>;

/** A refused reservation as the API's error: 402 out of credits, 429 past the daily limit. */
export const refusal = (r: Refused) => new ApiError(r.status, r.code, r.message, r.details);

/** Midnight UTC of the day `now` falls in (the daily pose limit counts from there). */
export const startOfUtcDay = (now: number) => now - (now % 86_400_000);

/** When the daily pose count starts again. */
export function nextUtcMidnight(now = Date.now()) {
  return startOfUtcDay(now) + 86_400_000;
}

/** The app's daily pose limit (DAILY_POSE_LIMIT) for users without their own. */
export const defaultDailyLimit = (env: Env) => config(env).credits.dailyPoseLimit;

/** A user's balance, today's reserved poses and their daily limit. */
export async function creditStanding(env: Env, userId: string, now = Date.now()) {
  const row = await env.DB.prepare(
    `select
       (select coalesce(sum(amount), 0) from credit_ledger where user_id = ?1) balance,
       (select coalesce(sum(poses), 0) from credit_ledger where user_id = ?1 and created_at >= ?2) today,
       (select daily_pose_limit from users where id = ?1) own_limit`,
  )
    .bind(userId, startOfUtcDay(now))
    .first<{ balance: number; today: number; own_limit: number | null }>();
  return {
    balance: Number(row?.balance ?? 0),
    posesToday: Math.max(0, Number(row?.today ?? 0)),
    dailyPoseLimit: row?.own_limit ?? defaultDailyLimit(env),
  };
}

/** The welcome credits of a new account (once per user): WELCOME_CREDITS, default 200; 0 grants none. */
export async function grantWelcome(env: Env, userId: string) {
  const amount = config(env).credits.welcomeCredits;
  if (amount === 0) return;
  await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, idempotency_key, note, created_at)
     values (?1, ?2, 'welcome', ?3, 0, ?4, 'Welcome credits', ?5)`,
  )
    .bind(crypto.randomUUID(), userId, amount, `welcome:${userId}`, Date.now())
    .run();
}

interface Charge {
  userId: string;
  /** Unique per charge: the same key twice is one charge. */
  key: string;
  amount: number;
  /** Poses it covers (what the daily limit counts); 0 for avatar candidates. */
  poses: number;
  generationId: string | null;
  /** What is paid for, for the ledger and the messages ("3 HD poses"). */
  what: string;
}

/** Why a reservation was refused: out of credits (402) or past the day's pose limit (429). */
export async function refusalFor(
  env: Env,
  ch: Pick<Charge, "userId" | "amount" | "poses" | "what">,
  now: number,
): Promise<Refused> {
  const standing = await creditStanding(env, ch.userId, now);
  if (standing.balance < ch.amount) {
    return {
      ok: false,
      status: 402,
      code: "insufficient_credits",
      message: `Not enough credits: ${ch.what} cost ${ch.amount} and you have ${standing.balance}. Ask for fewer, or ask us for more credits.`,
      details: { cost: ch.amount, balance: standing.balance },
    };
  }
  const retryAfterSeconds = Math.ceil((nextUtcMidnight(now) - now) / 1000);
  return {
    ok: false,
    status: 429,
    code: "daily_limit_reached",
    message: `Daily limit reached: you may generate ${standing.dailyPoseLimit} poses a day, have used ${standing.posesToday} today, and asked for ${ch.poses}. The count starts again at 00:00 UTC.`,
    details: {
      dailyPoseLimit: standing.dailyPoseLimit,
      posesToday: standing.posesToday,
      requested: ch.poses,
      retryAfterSeconds,
    },
  };
}

/**
 * Takes a charge only if the balance covers it and the day's pose limit allows it: checked and
 * written in one statement, so two requests cannot both spend the same credits.
 */
async function reserve(env: Env, ch: Charge): Promise<Reservation> {
  const now = Date.now();
  // The user's own limit, else the app's (?10), is read inside the same statement.
  const result = await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, generation_id, idempotency_key, note, created_at)
     select ?1, ?2, 'reserve', -?3, ?4, ?5, ?6, ?7, ?8
     where (select coalesce(sum(amount), 0) from credit_ledger where user_id = ?2) >= ?3
       and (?4 = 0 or (select coalesce(sum(poses), 0) from credit_ledger where user_id = ?2 and created_at >= ?9) + ?4
             <= coalesce((select daily_pose_limit from users where id = ?2), ?10))`,
  )
    .bind(
      crypto.randomUUID(),
      ch.userId,
      ch.amount,
      ch.poses,
      ch.generationId,
      `reserve:${ch.key}`,
      ch.what,
      now,
      startOfUtcDay(now),
      defaultDailyLimit(env),
    )
    .run();
  if (result.meta.changes > 0) return { ok: true, cost: ch.amount };
  const already = await env.DB.prepare("select 1 from credit_ledger where idempotency_key = ?")
    .bind(`reserve:${ch.key}`)
    .first();
  if (already) return { ok: true, cost: ch.amount };
  return refusalFor(env, ch, now);
}

/** Gives back (part of) a charge, once per key. */
async function refund(env: Env, ch: Charge) {
  if (ch.amount <= 0) return;
  await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, generation_id, idempotency_key, note, created_at)
     values (?1, ?2, 'refund', ?3, ?4, ?5, ?6, ?7, ?8)`,
  )
    .bind(
      crypto.randomUUID(),
      ch.userId,
      ch.amount,
      -ch.poses,
      ch.generationId,
      `refund:${ch.key}`,
      ch.what,
      Date.now(),
    )
    .run();
}

/** "1 pose", "3 poses". */
export const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

interface CandidateCharge {
  userId: string;
  /** One per request for candidates. */
  batchId: string;
  candidates: number;
}

const candidateCharge = (r: CandidateCharge): Charge => ({
  userId: r.userId,
  key: `avatar:${r.batchId}`,
  amount: CREDITS_PER_CANDIDATE * r.candidates,
  poses: 0,
  generationId: null,
  what: plural(r.candidates, "avatar candidate"),
});

/** The credits for avatar candidates from text. */
export const reserveCandidateCredits = (env: Env, r: CandidateCharge) => reserve(env, candidateCharge(r));

/** Gives back the credits of candidates that could not be made. */
export const refundCandidateCredits = (env: Env, r: CandidateCharge) =>
  r.candidates > 0 && refund(env, { ...candidateCharge(r), what: `${plural(r.candidates, "candidate")} not made` });

/** An operator adds or takes credits. */
export async function grantCredits(env: Env, g: { userId: string; amount: number; note: string | null; by: string }) {
  await env.DB.prepare(
    `insert into credit_ledger (id, user_id, kind, amount, poses, idempotency_key, note, granted_by, created_at)
     values (?1, ?2, 'grant', ?3, 0, ?4, ?5, ?6, ?7)`,
  )
    .bind(crypto.randomUUID(), g.userId, g.amount, `grant:${crypto.randomUUID()}`, g.note, g.by, Date.now())
    .run();
}
