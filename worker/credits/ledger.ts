// Reserving, refunding and granting credits. Every write is one SQL statement with an idempotency
// key, so a repeated call (a retried Durable Object step, a redelivered message) changes nothing.
import { CREDITS_PER_POSE, DAILY_POSE_LIMIT, WELCOME_CREDITS } from "../../shared/api/credits";
import { optionalVar } from "../env";

type Quality = keyof typeof CREDITS_PER_POSE;

export type Reservation =
  | { ok: true; cost: number }
  | { ok: false; status: 402 | 429; code: string; message: string; details: Record<string, unknown> };

const startOfUtcDay = (now: number) => now - (now % 86_400_000);

export function nextUtcMidnight(now = Date.now()) {
  return startOfUtcDay(now) + 86_400_000;
}

function defaultDailyLimit(env: Env) {
  const raw = optionalVar(env, "DAILY_POSE_LIMIT");
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 0 ? n : DAILY_POSE_LIMIT;
}

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

/** The welcome credits of a new account (once per user). */
export async function grantWelcome(env: Env, userId: string) {
  await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, idempotency_key, note, created_at)
     values (?1, ?2, 'welcome', ?3, 0, ?4, 'Welcome credits', ?5)`,
  )
    .bind(crypto.randomUUID(), userId, WELCOME_CREDITS, `welcome:${userId}`, Date.now())
    .run();
}

/**
 * Takes the credits for `poses` poses of a generation, only if the balance covers them and the
 * day's limit allows them: checked and written in one statement, so two requests cannot both
 * spend the same credits. `round` tells apart the first run from each retry.
 */
export async function reserveCredits(
  env: Env,
  r: { userId: string; generationId: string; quality: Quality; poses: number; round: number },
): Promise<Reservation> {
  const cost = CREDITS_PER_POSE[r.quality] * r.poses;
  const now = Date.now();
  const key = `reserve:${r.generationId}:${r.round}`;
  const limit = (await creditStanding(env, r.userId, now)).dailyPoseLimit;
  const result = await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, generation_id, idempotency_key, note, created_at)
     select ?1, ?2, 'reserve', -?3, ?4, ?5, ?6, ?7, ?8
     where (select coalesce(sum(amount), 0) from credit_ledger where user_id = ?2) >= ?3
       and (select coalesce(sum(poses), 0) from credit_ledger where user_id = ?2 and created_at >= ?9) + ?4 <= ?10`,
  )
    .bind(
      crypto.randomUUID(),
      r.userId,
      cost,
      r.poses,
      r.generationId,
      key,
      `${r.poses} ${r.quality.toUpperCase()} pose${r.poses === 1 ? "" : "s"}`,
      now,
      startOfUtcDay(now),
      limit,
    )
    .run();
  if (result.meta.changes > 0) return { ok: true, cost };
  const already = await env.DB.prepare("select 1 from credit_ledger where idempotency_key = ?").bind(key).first();
  if (already) return { ok: true, cost };
  const standing = await creditStanding(env, r.userId, now);
  if (standing.balance < cost) {
    return {
      ok: false,
      status: 402,
      code: "insufficient_credits",
      message: `Not enough credits: ${r.poses} ${r.quality.toUpperCase()} pose${r.poses === 1 ? "" : "s"} cost ${cost} and you have ${standing.balance}. Pick fewer poses or SD quality, or ask us for more credits.`,
      details: { cost, balance: standing.balance },
    };
  }
  const retryAfterSeconds = Math.ceil((nextUtcMidnight(now) - now) / 1000);
  return {
    ok: false,
    status: 429,
    code: "daily_limit_reached",
    message: `Daily limit reached: you may generate ${standing.dailyPoseLimit} poses a day, have used ${standing.posesToday} today, and asked for ${r.poses}. The count starts again at 00:00 UTC.`,
    details: {
      dailyPoseLimit: standing.dailyPoseLimit,
      posesToday: standing.posesToday,
      requested: r.poses,
      retryAfterSeconds,
    },
  };
}

/** Gives back the credits of poses that did not succeed (once per generation and round). */
export async function refundCredits(
  env: Env,
  r: { userId: string; generationId: string; quality: Quality; poses: number; round: number },
) {
  if (r.poses <= 0) return;
  await env.DB.prepare(
    `insert or ignore into credit_ledger (id, user_id, kind, amount, poses, generation_id, idempotency_key, note, created_at)
     values (?1, ?2, 'refund', ?3, ?4, ?5, ?6, ?7, ?8)`,
  )
    .bind(
      crypto.randomUUID(),
      r.userId,
      CREDITS_PER_POSE[r.quality] * r.poses,
      -r.poses,
      r.generationId,
      `refund:${r.generationId}:${r.round}`,
      `${r.poses} pose${r.poses === 1 ? "" : "s"} not generated`,
      Date.now(),
    )
    .run();
}

/** An operator adds or takes credits. */
export async function grantCredits(env: Env, g: { userId: string; amount: number; note: string | null; by: string }) {
  await env.DB.prepare(
    `insert into credit_ledger (id, user_id, kind, amount, poses, idempotency_key, note, granted_by, created_at)
     values (?1, ?2, 'grant', ?3, 0, ?4, ?5, ?6, ?7)`,
  )
    .bind(crypto.randomUUID(), g.userId, g.amount, `grant:${crypto.randomUUID()}`, g.note, g.by, Date.now())
    .run();
}
