// A user's recent credit entries as they read on their statement: a generation's per-pose
// entries written together show as one line ("3 HD poses", "2 poses not generated"), and the
// zero-credit "spent" markers that settle made poses are left out.
import type { CreditEntry } from "../../shared/api/credits";
import type { z } from "zod";

interface Row {
  kind: z.infer<typeof CreditEntry>["kind"];
  amount: number;
  poses: number;
  generation_id: string | null;
  note: string | null;
  created_at: number;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** The newest entries first, at most `limit` lines. */
export async function recentEntries(env: Env, userId: string, limit = 20): Promise<z.infer<typeof CreditEntry>[]> {
  const { results } = await env.DB.prepare(
    `select kind, sum(amount) amount, sum(poses) poses, generation_id, note, created_at
       from credit_ledger
      where user_id = ? and kind != 'spend'
      group by kind, coalesce(generation_id, id), note, created_at
      order by created_at desc, max(rowid) desc
      limit ?`,
  )
    .bind(userId, limit)
    .all<Row>();
  return results.map((e) => ({
    kind: e.kind,
    amount: e.amount,
    poses: e.poses,
    generationId: e.generation_id,
    note: e.kind === "refund" && e.generation_id ? `${plural(-e.poses, "pose")} not generated` : e.note,
    createdAt: new Date(e.created_at).toISOString(),
  }));
}
