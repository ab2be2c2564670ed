// A generation's credits, pose by pose: each pose's round is reserved before it runs and settled
// once when it ends (spent or refunded). The generation service reserves the first round, the
// generation's Durable Object reserves retries and settles every round. Balance, the daily limit
// and the other charges stay in worker/credits/.
import { CREDITS_PER_POSE } from "../../shared/api/credits";
import { defaultDailyLimit, plural, refusalFor, startOfUtcDay, type Reservation } from "../credits/ledger";
import { chargesCredits } from "../providers/registry";

type Quality = keyof typeof CREDITS_PER_POSE;

/** One pose in one round of a generation: the unit credits are reserved and settled for. */
export interface PoseRound {
  templateId: string;
  round: number;
}

interface PoseReservation {
  userId: string;
  generationId: string;
  quality: Quality;
  /** Rounds never reserved before (a round number is never reused for a pose). */
  poses: PoseRound[];
}

/**
 * Reserves the credits of several poses at once, one entry per pose and round, all or none: the
 * balance and the day's limit are checked inside the one statement that writes them.
 */
export async function reservePoses(env: Env, r: PoseReservation): Promise<Reservation> {
  const now = Date.now();
  const price = CREDITS_PER_POSE[r.quality];
  const amount = price * r.poses.length;
  const what = plural(r.poses.length, `${r.quality.toUpperCase()} pose`);
  if (r.poses.length === 0) return { ok: true, cost: 0 };
  // SQLite evaluates the uncorrelated balance and limit subqueries once, before any row goes in.
  const result = await env.DB.prepare(
    `insert or ignore into credit_ledger
       (id, user_id, kind, amount, poses, generation_id, pose_template_id, round, idempotency_key, note, created_at)
     select lower(hex(randomblob(16))), ?1, 'reserve', -?2, 1, ?3,
            json_extract(p.value, '$.t'), json_extract(p.value, '$.r'),
            'reserve:' || ?3 || ':' || json_extract(p.value, '$.t') || ':' || json_extract(p.value, '$.r'), ?4, ?5
       from json_each(?6) p
      where (select coalesce(sum(amount), 0) from credit_ledger where user_id = ?1) >= ?7
        and (select coalesce(sum(poses), 0) from credit_ledger where user_id = ?1 and created_at >= ?8) + ?9
             <= coalesce((select daily_pose_limit from users where id = ?1), ?10)`,
  )
    .bind(
      r.userId,
      price,
      r.generationId,
      what,
      now,
      JSON.stringify(r.poses.map((p) => ({ t: p.templateId, r: p.round }))),
      amount,
      startOfUtcDay(now),
      r.poses.length,
      defaultDailyLimit(env),
    )
    .run();
  if (result.meta.changes > 0) return { ok: true, cost: amount };
  return refusalFor(env, { userId: r.userId, amount, poses: r.poses.length, what }, now);
}

export interface PoseSettlement extends PoseRound {
  /** spend: the pose was made in this round; refund: it was not (failed, cancelled, abandoned). */
  outcome: "spend" | "refund";
  /** Who made a spent pose: the instant engine charges nothing, so its round is refunded in full. */
  provider?: string | null;
}

/**
 * Settles pose rounds: each reserved round gets exactly one settling entry (its unique key), spent
 * (0 credits), or refunded what it reserved and no more: when the pose was not made, or was made
 * by a provider that charges nothing (the instant engine; the pose still counts for the day's
 * limit). The refund is read from the round's own reservation in the same statement, whatever
 * order or how often this runs. Rounds that were never reserved are left alone. One statement.
 */
export async function settlePoses(env: Env, s: { generationId: string; rounds: PoseSettlement[] }) {
  if (s.rounds.length === 0) return;
  await env.DB.prepare(
    `insert or ignore into credit_ledger
       (id, user_id, kind, amount, poses, generation_id, pose_template_id, round, idempotency_key, note, created_at)
     select lower(hex(randomblob(16))), r.user_id,
            case when json_extract(p.value, '$.o') = 'refund' or json_extract(p.value, '$.f') = 1 then 'refund' else 'spend' end,
            case when json_extract(p.value, '$.o') = 'refund' or json_extract(p.value, '$.f') = 1 then -r.amount else 0 end,
            case json_extract(p.value, '$.o') when 'refund' then -r.poses else 0 end,
            r.generation_id, r.pose_template_id, r.round,
            'settle:' || r.generation_id || ':' || r.pose_template_id || ':' || r.round,
            case when json_extract(p.value, '$.o') = 'refund' then 'pose not generated'
                 when json_extract(p.value, '$.f') = 1 then 'pose made by the instant engine (no AI): no charge'
                 else 'pose made' end, ?2
       from json_each(?3) p
       join credit_ledger r
         on r.idempotency_key = 'reserve:' || ?1 || ':' || json_extract(p.value, '$.t') || ':' || json_extract(p.value, '$.r')`,
  )
    .bind(
      s.generationId,
      Date.now(),
      JSON.stringify(
        s.rounds.map((p) => ({
          t: p.templateId,
          r: p.round,
          o: p.outcome,
          f: p.outcome === "spend" && !chargesCredits(p.provider) ? 1 : 0,
        })),
      ),
    )
    .run();
}
