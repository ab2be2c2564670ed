import { DurableObject } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import type { GenerationState, PoseState } from "../../shared/api/generations";
import { reservePoses, settlePoses, type PoseSettlement, type Refused } from "../../worker/credits/ledger";
import { db } from "../../worker/db/client";
import { poseGenerations } from "../../worker/db/schema";
import type { PoseJob } from "../../worker/pipeline/pose-job";

type PoseStatus = PoseState["status"];
type GenerationStatus = GenerationState["status"];

interface Meta {
  generationId: string;
  userId: string;
  avatarId: string;
  quality: "sd" | "hd";
  provider: string | null;
  total: number;
  status: GenerationStatus;
  createdAt: number;
  completedAt: number | null;
}

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

export interface PoseOutcome {
  success: boolean;
  error?: string;
  provider?: string;
}

/** A pose claimed by a worker is its own for this long before the alarm calls it stuck. */
const DEFAULT_LEASE_MS = 10 * 60_000;
/** With poses open and nothing claimed or finished for this long, their messages count as lost and are sent again. */
const DEFAULT_STALL_MS = 5 * 60_000;
/** A pose whose worker vanished this many times fails instead of being queued again. */
const MAX_CLAIMS = 3;
/**
 * Messages one generation keeps waiting in the queue (POSE_WINDOW): enough that consumers never
 * run dry, few enough that a big batch cannot crowd out other users' poses.
 */
const DEFAULT_WINDOW = 20;
/** Provider calls one pose may make across all its rounds and deliveries (POSE_MAX_PROVIDER_CALLS). */
const DEFAULT_MAX_PROVIDER_CALLS = 20;

/**
 * One per generation (`idFromName(generationId)`). It owns the run: which poses are queued,
 * running, done; exact counters; the D1 row's progress; live pushes to WebSocket viewers.
 * Queue consumers claim a pose before working on it and report its outcome here.
 */
export class GenerationDurableObject extends DurableObject<Env> {
  private sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS poses (
      template_id TEXT PRIMARY KEY, position INTEGER NOT NULL, status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, error TEXT, provider TEXT,
      round INTEGER NOT NULL DEFAULT 0, lease_until INTEGER, sent INTEGER NOT NULL DEFAULT 0)`);
    // Runs stored before the send window had every message sent at the start.
    const columns = this.sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('poses')").toArray();
    if (!columns.some((c) => c.name === "sent"))
      this.sql.exec("ALTER TABLE poses ADD COLUMN sent INTEGER NOT NULL DEFAULT 1");
    // Provider calls per pose: across every round (the cap) and in the current round (metrics).
    if (!columns.some((c) => c.name === "provider_calls")) {
      this.sql.exec("ALTER TABLE poses ADD COLUMN provider_calls INTEGER NOT NULL DEFAULT 0");
      this.sql.exec("ALTER TABLE poses ADD COLUMN round_calls INTEGER NOT NULL DEFAULT 0");
    }
    // The run's meta lives in SQL, read and written synchronously: no other call can slip in
    // between reading it and writing it back.
    this.sql.exec("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL)");
    // Each pose round's credit outcome, once the round is over: spend (made) or refund (not).
    // outcome NULL marks a round a retry is reserving. settled: the ledger has been told.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS pose_rounds (
      template_id TEXT NOT NULL, round INTEGER NOT NULL, outcome TEXT, settled INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (template_id, round))`);
    ctx.blockConcurrencyWhile(async () => {
      // Runs stored before meta moved into SQL.
      const old = await ctx.storage.get<Meta>("meta");
      if (old && !this.meta()) this.writeMeta(old);
      // A retry cut off by a restart never queued its poses: whatever it reserved goes back.
      this.sql.exec("UPDATE pose_rounds SET outcome = 'refund' WHERE outcome IS NULL");
      // After a restart, an unfinished run gets its watchdog back even if no alarm survived.
      if ((await ctx.storage.getAlarm()) === null) await this.scheduleAlarm();
    });
  }

  private setting(name: string, fallback: number) {
    const v = Number((this.env as unknown as Record<string, string>)[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  }

  private get leaseMs() {
    return this.setting("POSE_LEASE_MS", DEFAULT_LEASE_MS);
  }

  private get stallMs() {
    return this.setting("POSE_STALL_MS", DEFAULT_STALL_MS);
  }

  private get window() {
    return this.setting("POSE_WINDOW", DEFAULT_WINDOW);
  }

  private get maxProviderCalls() {
    return this.setting("POSE_MAX_PROVIDER_CALLS", DEFAULT_MAX_PROVIDER_CALLS);
  }

  /** Something happened (a claim, a release, an outcome): the run is not stalled. */
  private async touch() {
    await this.ctx.storage.put("activity", Date.now());
  }

  /** The claim a worker holds: its round and (when it says) its attempt must still be the pose's own. */
  private holds(pose: ReturnType<GenerationDurableObject["pose"]>, round: number, attempt?: number) {
    return !!pose && pose.round === round && (attempt === undefined || pose.attempts === attempt);
  }

  private meta(): Meta | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE id = 1").toArray()[0];
    return row ? (JSON.parse(row.value) as Meta) : null;
  }

  private writeMeta(meta: Meta) {
    this.sql.exec("INSERT OR REPLACE INTO meta (id, value) VALUES (1, ?)", JSON.stringify(meta));
  }

  /** A pose's round is over: what its credits become (settled with the ledger by settle()). */
  private endRound(templateId: string, round: number, outcome: PoseSettlement["outcome"]) {
    this.sql.exec(
      "INSERT OR REPLACE INTO pose_rounds (template_id, round, outcome, settled) VALUES (?, ?, ?, 0)",
      templateId,
      round,
      outcome,
    );
  }

  private pose(templateId: string) {
    return this.sql
      .exec<{
        status: PoseStatus;
        round: number;
        lease_until: number | null;
        attempts: number;
        provider_calls: number;
        round_calls: number;
      }>(
        "SELECT status, round, lease_until, attempts, provider_calls, round_calls FROM poses WHERE template_id = ?",
        templateId,
      )
      .toArray()[0];
  }

  /** Starts the run: one queue message per pose. Calling it again changes nothing. */
  async start(
    init: Pick<Meta, "generationId" | "userId" | "avatarId" | "quality" | "provider"> & { poseTemplateIds: string[] },
  ) {
    if (this.meta()) return this.state();
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
    };
    // The API route reserved every pose's round 0 before starting the run.
    init.poseTemplateIds.forEach((id, i) =>
      this.sql.exec("INSERT INTO poses (template_id, position, status) VALUES (?, ?, 'queued')", id, i),
    );
    this.writeMeta(meta);
    await this.sendNext();
    await this.touch();
    await this.scheduleAlarm();
    return this.publish();
  }

  /**
   * Tops the queue up to the window: the next unsent poses, in order, get their messages. Called
   * whenever a pose is claimed or finishes, so a generation always has work waiting in the queue
   * but never all of it.
   */
  private async sendNext() {
    const waiting = this.sql
      .exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE sent = 1 AND status = 'queued'")
      .one().n;
    const room = this.window - waiting;
    if (room <= 0) return;
    const next = this.sql
      .exec<{ template_id: string; round: number }>(
        "SELECT template_id, round FROM poses WHERE sent = 0 AND status = 'queued' ORDER BY position LIMIT ?",
        room,
      )
      .toArray();
    if (next.length === 0) return;
    for (const p of next) this.sql.exec("UPDATE poses SET sent = 1 WHERE template_id = ?", p.template_id);
    // Should sending fail, the poses count as sent and the stall watchdog sends them again.
    await this.enqueue(next.map((p) => ({ poseTemplateId: p.template_id, round: p.round })));
  }

  private async enqueue(poses: { poseTemplateId: string; round: number }[]) {
    const meta = this.meta()!;
    const messages = poses.map((p) => ({
      body: { type: "pose", generationId: meta.generationId, userId: meta.userId, ...p } satisfies PoseJob,
    }));
    for (let i = 0; i < messages.length; i += 100) await this.env.POSE_QUEUE.sendBatch(messages.slice(i, i + 100));
  }

  /** A worker asks to work on a pose. No: done, cancelled, a stale message, or someone else has it. */
  async claim(templateId: string, round: number): Promise<Claim> {
    const meta = this.meta();
    const pose = this.pose(templateId);
    if (!meta || !pose || meta.status === "cancelled" || pose.round !== round) return { proceed: false };
    if (pose.status === "succeeded" || pose.status === "failed" || pose.status === "cancelled")
      return { proceed: false };
    const now = Date.now();
    if (pose.status === "running" && (pose.lease_until ?? 0) > now) {
      return { proceed: false, retryAfterMs: (pose.lease_until ?? now) - now };
    }
    this.sql.exec(
      "UPDATE poses SET status = 'running', attempts = attempts + 1, lease_until = ? WHERE template_id = ?",
      now + this.leaseMs,
      templateId,
    );
    if (meta.status === "queued") this.writeMeta({ ...meta, status: "running" });
    await this.touch();
    await this.sendNext();
    await this.scheduleAlarm();
    await this.publish();
    return { proceed: true, attempt: pose.attempts + 1, roundCalls: pose.round_calls };
  }

  /**
   * Asked right before each provider call of a pose. Counts the call, or refuses it once the pose
   * has made its POSE_MAX_PROVIDER_CALLS across all rounds (or the worker lost its claim).
   */
  async providerCall(templateId: string, round: number, attempt?: number): Promise<ProviderCallTicket> {
    const cap = this.maxProviderCalls;
    const pose = this.pose(templateId);
    if (!pose || pose.status !== "running" || !this.holds(pose, round, attempt))
      return { allowed: false, reason: "lost", cap, roundCalls: pose?.round_calls ?? 0 };
    if (pose.provider_calls >= cap) return { allowed: false, reason: "cap", cap, roundCalls: pose.round_calls };
    this.sql.exec(
      "UPDATE poses SET provider_calls = provider_calls + 1, round_calls = round_calls + 1 WHERE template_id = ?",
      templateId,
    );
    return { allowed: true, cap, roundCalls: pose.round_calls + 1 };
  }

  /**
   * Asked before every provider call and before an outcome is written: false once the generation
   * is cancelled, or the pose was handed to another worker after this one's lease ran out.
   */
  async checkpoint(templateId: string, round: number, attempt?: number): Promise<boolean> {
    const meta = this.meta();
    const pose = this.pose(templateId);
    return !!meta && meta.status !== "cancelled" && pose?.status === "running" && this.holds(pose, round, attempt);
  }

  /** The worker gives the pose back (it will come again later, e.g. after a long provider wait). */
  async release(templateId: string, round: number, attempt?: number) {
    if (!this.holds(this.pose(templateId), round, attempt)) return this.state();
    this.sql.exec(
      "UPDATE poses SET status = 'queued', lease_until = NULL WHERE template_id = ? AND round = ? AND status = 'running'",
      templateId,
      round,
    );
    await this.touch();
    return this.publish();
  }

  /** A pose's outcome. Ignored unless that worker still holds the pose (redeliveries, cancels, lost leases). */
  async complete(
    templateId: string,
    round: number,
    outcome: PoseOutcome,
    attempt?: number,
  ): Promise<{ accepted: boolean }> {
    const pose = this.pose(templateId);
    if (!pose || !this.holds(pose, round, attempt) || pose.status !== "running") return { accepted: false };
    this.sql.exec(
      "UPDATE poses SET status = ?, error = ?, provider = ?, lease_until = NULL WHERE template_id = ?",
      outcome.success ? "succeeded" : "failed",
      outcome.success ? null : (outcome.error ?? "failed"),
      outcome.provider ?? null,
      templateId,
    );
    this.endRound(templateId, round, outcome.success ? "spend" : "refund");
    await this.touch();
    await this.sendNext();
    await this.publish();
    return { accepted: true };
  }

  /** A message that kept failing reached the dead-letter queue: its pose has failed. */
  async deadLettered(templateId: string, round: number) {
    const pose = this.pose(templateId);
    if (
      !pose ||
      pose.round !== round ||
      pose.status === "succeeded" ||
      pose.status === "cancelled" ||
      pose.status === "failed"
    ) {
      return this.state();
    }
    this.sql.exec(
      "UPDATE poses SET status = 'failed', error = ?, lease_until = NULL WHERE template_id = ?",
      "Gave up after repeated delivery failures.",
      templateId,
    );
    this.endRound(templateId, round, "refund");
    await this.sendNext();
    return this.publish();
  }

  /** Stops the remaining poses. */
  async cancel() {
    const meta = this.meta();
    if (!meta || isFinal(meta.status)) return this.state();
    const open = this.sql
      .exec<{ template_id: string; round: number }>(
        "SELECT template_id, round FROM poses WHERE status IN ('queued', 'running')",
      )
      .toArray();
    for (const p of open) this.endRound(p.template_id, p.round, "refund");
    this.sql.exec("UPDATE poses SET status = 'cancelled', lease_until = NULL WHERE status IN ('queued', 'running')");
    this.writeMeta({ ...meta, status: "cancelled", completedAt: Date.now() });
    return this.publish();
  }

  /**
   * Runs the failed poses again, each in a new round (old messages for them are ignored), once
   * their credits are reserved; otherwise answers with the refusal and changes nothing. The poses
   * are marked as being retried before the ledger is asked, so a second retry cannot take them
   * too, and round numbers are never reused, so a reservation is never mistaken for another's.
   */
  async retryFailed(): Promise<GenerationState | { refused: Refused } | null> {
    const meta = this.meta();
    if (!meta) return null;
    const picked = this.sql
      .exec<{ template_id: string; next: number }>(
        `SELECT p.template_id, max(p.round, coalesce(max(r.round), 0)) + 1 AS next
           FROM poses p LEFT JOIN pose_rounds r ON r.template_id = p.template_id
          WHERE p.status = 'failed'
          GROUP BY p.template_id
         HAVING count(CASE WHEN r.outcome IS NULL AND r.round IS NOT NULL THEN 1 END) = 0`,
      )
      .toArray();
    if (picked.length === 0) return this.state();
    for (const p of picked)
      this.sql.exec("INSERT INTO pose_rounds (template_id, round) VALUES (?, ?)", p.template_id, p.next);
    const reservation = await reservePoses(this.env, {
      userId: meta.userId,
      generationId: meta.generationId,
      quality: meta.quality,
      poses: picked.map((p) => ({ templateId: p.template_id, round: p.next })),
    });
    if (!reservation.ok) {
      for (const p of picked)
        this.sql.exec(
          "DELETE FROM pose_rounds WHERE template_id = ? AND round = ? AND outcome IS NULL",
          p.template_id,
          p.next,
        );
      return { refused: reservation };
    }
    // Read again after the await: a cancel may have come in meanwhile.
    const now = this.meta()!;
    for (const p of picked) {
      if (now.status === "cancelled") {
        this.sql.exec("UPDATE poses SET status = 'cancelled', round = ? WHERE template_id = ?", p.next, p.template_id);
        this.endRound(p.template_id, p.next, "refund");
        continue;
      }
      this.sql.exec(
        "UPDATE poses SET status = 'queued', error = NULL, round = ?, lease_until = NULL, sent = 0, round_calls = 0 WHERE template_id = ?",
        p.next,
        p.template_id,
      );
      // The round is under way now, no longer being reserved; it is recorded again when it ends.
      this.sql.exec("DELETE FROM pose_rounds WHERE template_id = ? AND round = ?", p.template_id, p.next);
    }
    if (now.status !== "cancelled") this.writeMeta({ ...now, status: "running", completedAt: null });
    await this.sendNext();
    await this.touch();
    await this.scheduleAlarm();
    return this.publish();
  }

  /**
   * The watchdog. A pose whose worker vanished (lease ran out) is queued again, or fails after
   * MAX_CLAIMS tries; when the run has stalled (poses open, nothing happening), the queued poses'
   * messages count as lost and are sent again. Resending is safe: claims let one worker through.
   */
  async alarm() {
    const meta = this.meta();
    if (!meta) return;
    // Whatever a cut-off call left unsettled is settled here.
    await this.settle();
    if (meta.status === "cancelled") return;
    const now = Date.now();
    const expired = `status = 'running' AND lease_until < ${now}`;
    for (const p of this.sql
      .exec<{ template_id: string; round: number }>(
        `SELECT template_id, round FROM poses WHERE ${expired} AND attempts >= ${MAX_CLAIMS}`,
      )
      .toArray())
      this.endRound(p.template_id, p.round, "refund");
    const gaveUp = this.sql.exec(
      `UPDATE poses SET status = 'failed', error = 'Timed out: no result after ${MAX_CLAIMS} tries.', lease_until = NULL WHERE ${expired} AND attempts >= ${MAX_CLAIMS}`,
    ).rowsWritten;
    // Queued again and unsent: sendNext gives them new messages within the window.
    const requeued = this.sql.exec(
      `UPDATE poses SET status = 'queued', lease_until = NULL, sent = 0 WHERE ${expired}`,
    ).rowsWritten;
    const changed = gaveUp > 0 || requeued > 0;
    const activity = (await this.ctx.storage.get<number>("activity")) ?? 0;
    if (now - activity >= this.stallMs) {
      const lost = this.sql
        .exec<{ template_id: string; round: number }>(
          "SELECT template_id, round FROM poses WHERE status = 'queued' AND sent = 1",
        )
        .toArray();
      if (lost.length > 0) await this.enqueue(lost.map((p) => ({ poseTemplateId: p.template_id, round: p.round })));
      await this.touch();
    }
    await this.sendNext();
    if (changed) await this.publish();
    await this.scheduleAlarm();
  }

  /** Wakes the watchdog at the next lease end, or when the run would count as stalled. */
  private async scheduleAlarm() {
    const open = this.sql
      .exec<{ n: number; lease: number | null }>(
        "SELECT count(*) AS n, min(CASE WHEN status = 'running' THEN lease_until END) AS lease FROM poses WHERE status IN ('queued', 'running')",
      )
      .one();
    if (open.n === 0) return this.ctx.storage.deleteAlarm();
    const activity = (await this.ctx.storage.get<number>("activity")) ?? Date.now();
    const stalled = activity + this.stallMs;
    await this.ctx.storage.setAlarm(Math.min(stalled, (open.lease ?? stalled) + 1000));
  }

  /** Live updates: the current state at once, then every change. */
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return new Response("expected a WebSocket", { status: 426 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].send(JSON.stringify({ type: "state", state: await this.state() }));
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer) {
    if (message === "ping") ws.send("pong");
  }

  async webSocketClose(ws: WebSocket) {
    // The peer's code may be one that must not be sent (1005, 1006): answer with a plain close.
    ws.close(1000, "bye");
  }

  /** The generation as the API shows it. */
  async state(): Promise<GenerationState | null> {
    const meta = this.meta();
    if (!meta) return null;
    const rows = this.sql
      .exec<{
        template_id: string;
        status: PoseStatus;
        attempts: number;
        error: string | null;
        provider: string | null;
      }>("SELECT template_id, status, attempts, error, provider FROM poses ORDER BY position")
      .toArray();
    const count = (s: PoseStatus) => rows.filter((r) => r.status === s).length;
    const finished = count("succeeded") + count("failed") + count("cancelled");
    const base = `/api/v1/generations/${meta.generationId}`;
    return {
      id: meta.generationId,
      avatarId: meta.avatarId,
      status: meta.status,
      quality: meta.quality,
      provider: meta.provider,
      totalPoses: meta.total,
      successfulPoses: count("succeeded"),
      failedPoses: count("failed"),
      progress: Math.floor((100 * finished) / Math.max(meta.total, 1)),
      createdAt: new Date(meta.createdAt).toISOString(),
      completedAt: meta.completedAt ? new Date(meta.completedAt).toISOString() : null,
      downloadUrl: `${base}/download.zip`,
      poses: rows.map((r) => ({
        poseTemplateId: r.template_id,
        status: r.status,
        attempts: r.attempts,
        error: r.error,
        provider: r.provider,
        imageUrl: r.status === "succeeded" ? `${base}/poses/${r.template_id}/image` : null,
      })),
    };
  }

  private count(status: PoseStatus) {
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE status = ?", status).one().n;
  }

  /**
   * Tells the ledger every pose round that ended since it was last told: spent or refunded, once
   * each (the ledger's keys make a repeat harmless, so a settle cut off halfway is simply redone).
   */
  private async settle() {
    const meta = this.meta();
    const rounds = this.sql
      .exec<{ template_id: string; round: number; outcome: PoseSettlement["outcome"] }>(
        "SELECT template_id, round, outcome FROM pose_rounds WHERE settled = 0 AND outcome IS NOT NULL",
      )
      .toArray();
    if (!meta || rounds.length === 0) return;
    await settlePoses(this.env, {
      generationId: meta.generationId,
      rounds: rounds.map((r) => ({ templateId: r.template_id, round: r.round, outcome: r.outcome })),
    });
    for (const r of rounds)
      this.sql.exec(
        "UPDATE pose_rounds SET settled = 1 WHERE template_id = ? AND round = ? AND outcome = ?",
        r.template_id,
        r.round,
        r.outcome,
      );
  }

  /** Settles the overall status and the credits of ended rounds, mirrors into D1, pushes to viewers. */
  private async publish(): Promise<GenerationState | null> {
    let meta = this.meta()!;
    const open = this.sql
      .exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE status IN ('queued', 'running')")
      .one().n;
    if (open === 0 && !isFinal(meta.status)) {
      const ok = this.count("succeeded");
      meta = {
        ...meta,
        status: ok === meta.total ? "completed" : ok > 0 ? "partial" : "failed",
        completedAt: Date.now(),
      };
      this.writeMeta(meta);
    }
    await this.settle();
    const state = (await this.state())!;
    await db(this.env)
      .update(poseGenerations)
      .set({
        status: state.status,
        progress: state.progress,
        successfulPoses: state.successfulPoses,
        failedPoses: state.failedPoses,
        completedAt: state.completedAt ? new Date(state.completedAt) : null,
      })
      .where(eq(poseGenerations.id, meta.generationId));
    const message = JSON.stringify({ type: "state", state });
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(message);
      } catch {
        // a viewer that went away; the runtime closes it
      }
    }
    return state;
  }
}

const isFinal = (s: GenerationStatus) => s === "completed" || s === "partial" || s === "failed" || s === "cancelled";
