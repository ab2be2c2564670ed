// One interleaved run of a generation's credits (the credit-race tests): start, every pose's
// outcome racing retries and cancels at each ledger write, until every pose is final; then the
// ledger's own account of the user. The winning poses may be made by a chosen provider (the
// instant engine charges nothing), so the expected balance counts only the other poses.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { CREDITS_PER_POSE } from "../../shared/api/credits";
import { INSTANT_PROVIDER } from "../../shared/api/providers";
import type { GenerationDurableObject } from "../../durable-objects/generation";
import { grantCredits, grantWelcome } from "../../worker/credits/ledger";
import { reservePoses } from "../../worker/generations/pose-credits";
import { BUILT_INS } from "./generations";
import { Interleaver, gatedD1, seededRandom } from "./interleave";

export type Quality = keyof typeof CREDITS_PER_POSE;

/** A user with welcome credits, made straight in D1 (no sign-up: hundreds of runs). */
async function newUser(spendDownTo?: number) {
  const id = crypto.randomUUID();
  const now = Date.now();
  await env.DB.prepare("insert into users (id, name, email, created_at, updated_at) values (?, 'Race', ?, ?, ?)")
    .bind(id, `race-${id}@example.com`, now, now)
    .run();
  await grantWelcome(env, id);
  if (spendDownTo !== undefined) {
    const balance = await balanceOf(id);
    await grantCredits(env, { userId: id, amount: spendDownTo - balance, note: "test: spend down", by: id });
  }
  return id;
}

async function balanceOf(userId: string) {
  const row = await env.DB.prepare("select coalesce(sum(amount), 0) b from credit_ledger where user_id = ?")
    .bind(userId)
    .first<{ b: number }>();
  return Number(row!.b);
}

/** What the API route does before it starts a generation: reserve every pose's credits. */
async function reserveStart(userId: string, generationId: string, quality: Quality, templates: string[]) {
  return reservePoses(env, {
    userId,
    generationId,
    quality,
    poses: templates.map((templateId) => ({ templateId, round: 0 })),
  });
}

type PoseRow = {
  template_id: string;
  round: number;
  status: string;
  provider: string | null;
};

/** The ledger's own account of one user and generation, and what must hold of it. */
async function checkLedger(userId: string, quality: Quality, charged: number) {
  const row = await env.DB.prepare(
    `select coalesce(sum(amount), 0) balance,
            coalesce(sum(case when kind in ('welcome', 'grant') then amount end), 0) given,
            coalesce(sum(poses), 0) poses
       from credit_ledger where user_id = ?`,
  )
    .bind(userId)
    .first<{ balance: number; given: number; poses: number }>();
  // Per round (the key after its kind, e.g. "gen:round" or "gen:template:round"): reserved and refunded.
  const rounds = await env.DB.prepare(
    `select substr(idempotency_key, instr(idempotency_key, ':') + 1) round_key,
            -coalesce(sum(case when kind = 'reserve' then amount end), 0) reserved,
            coalesce(sum(case when kind = 'refund' then amount end), 0) refunded
       from credit_ledger where user_id = ? and generation_id is not null group by round_key`,
  )
    .bind(userId)
    .all<{ round_key: string; reserved: number; refunded: number }>();
  return {
    balance: Number(row!.balance),
    expectedBalance: Number(row!.given) - CREDITS_PER_POSE[quality] * charged,
    posesCounted: Number(row!.poses),
    overRefunded: rounds.results.filter((r) => r.refunded > r.reserved),
  };
}

export interface Scenario {
  seed: number;
  poses: number;
  quality: Quality;
  /** Balance left after the start's reservation (small: retries may be refused). */
  spare: number;
}

export interface RaceOptions {
  /** Who made each pose that succeeds (drawn from the run's generator); none named when absent. */
  provider?: (random: () => number) => string;
}

/**
 * One interleaved run: start, then every pose's outcome racing retries (and sometimes a cancel),
 * then more rounds of outcomes and retries until every pose is final. Returns the ledger check.
 */
export async function raceOnce({ seed, poses, quality, spare }: Scenario, options: RaceOptions = {}) {
  const random = seededRandom(seed);
  const templates = BUILT_INS.slice(0, poses);
  const price = CREDITS_PER_POSE[quality];
  const userId = await newUser(price * poses + spare);
  const generationId = crypto.randomUUID();
  const reserved = await reserveStart(userId, generationId, quality, templates);
  expect(reserved.ok).toBe(true);
  const stub = env.GENERATION.get(env.GENERATION.idFromName(generationId));
  const interleaver = new Interleaver(random);

  const succeeded = await runInDurableObject(stub, async (instance, state) => {
    const generation = instance as unknown as GenerationDurableObject;
    // D1 behind the gate; queue messages go nowhere (this test plays the workers itself).
    Object.assign(generation, {
      env: {
        ...env,
        DB: gatedD1(env.DB, interleaver),
        POSE_QUEUE: { send: async () => {}, sendBatch: async () => {} },
      },
    });
    const rows = () =>
      state.storage.sql.exec<PoseRow>("SELECT template_id, round, status, provider FROM poses").toArray() as PoseRow[];
    const roundOf = (t: string) => rows().find((r) => r.template_id === t)!.round;
    /** A worker: claims the pose in its current round and reports an outcome. */
    const work = (t: string, success: boolean) =>
      later(async () => {
        const round = roundOf(t);
        const claim = await generation.claim(t, round);
        if (!claim.proceed) return;
        const provider = success && options.provider ? options.provider(random) : undefined;
        await generation.complete(
          t,
          round,
          { success, error: success ? undefined : "rejected", ...(provider ? { provider } : {}) },
          claim.attempt,
        );
      });
    /** Starts a call after a random number of the scheduler's turns, as requests arrive at any time. */
    const later = (call: () => Promise<unknown>) => async (): Promise<unknown> => {
      for (let i = Math.floor(random() * 6); i > 0; i--) await interleaver.gate("wait");
      return call();
    };
    const retry = later(() => generation.retryFailed());
    const cancel = later(() => generation.cancel());

    await generation.start({
      generationId,
      userId,
      avatarId: "race-avatar",
      quality,
      provider: null,
      poseTemplateIds: templates,
    });

    const first: (() => Promise<unknown>)[] = templates.map((t) => work(t, random() < 0.5));
    for (let i = 1 + Math.floor(random() * 3); i > 0; i--) first.push(retry);
    if (random() < 0.2) first.push(cancel);
    await interleaver.run(first.sort(() => random() - 0.5));

    for (let pass = 0; pass < 4; pass++) {
      const open = rows().filter((r) => r.status === "queued" || r.status === "running");
      const calls: (() => Promise<unknown>)[] = open.map((r) => work(r.template_id, random() < 0.6));
      if (random() < 0.5) calls.push(retry);
      if (calls.length === 0) break;
      await interleaver.run(calls.sort(() => random() - 0.5));
    }
    // Whatever is still open stops here.
    if (rows().some((r) => r.status === "queued" || r.status === "running")) await cancel();
    const made = rows().filter((r) => r.status === "succeeded");
    return { succeeded: made.length, charged: made.filter((r) => r.provider !== INSTANT_PROVIDER).length };
  });
  return {
    ...(await checkLedger(userId, quality, succeeded.charged)),
    succeeded: succeeded.succeeded,
    charged: succeeded.charged,
    trace: interleaver.trace,
  };
}
