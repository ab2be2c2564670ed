import { DurableObject } from "cloudflare:workers";
import type { GenerationState } from "../../shared/api/generations";
import type { Refused } from "../../worker/credits/ledger";
import * as claims from "./claims";
import { cancel, retryFailed, start, type RunStart } from "./lifecycle";
import { acceptViewer } from "./live";
import { abandonReservingRounds } from "./rounds";
import type { Run } from "./run";
import { startStage, type StageStart } from "./stage-progress";
import { readState } from "./state";
import { changeVerdict, type VerdictChange } from "./verdicts";
import { avatarDeleted, markGone, readView, type RunView } from "./view";
import { ensureTables, hasTables, migrateKvMeta } from "./storage";
import { tryAgain, type TryAgainConflict } from "./try-again";
import { scheduleAlarm, watch } from "./watchdog";

/**
 * One per generation (`idFromName(generationId)`). It owns the run: which poses are queued,
 * running, done; exact counters; the D1 row's progress; live pushes to WebSocket viewers.
 * Queue consumers claim a pose before working on it and report its outcome here. This class is
 * its RPC surface only; the work is in the files beside it, one concern each.
 */
export class GenerationDurableObject extends DurableObject<Env> {
  private run: Run;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // env is read through the object at each use, never copied.
    const object = this;
    this.run = {
      ctx,
      sql: ctx.storage.sql,
      get env() {
        return object.env;
      },
      tables: false,
    };
    // An object for an id nobody started (a status read of an unknown id) stores nothing.
    if (hasTables(this.run.sql)) ensureTables(this.run);
    ctx.blockConcurrencyWhile(async () => {
      await migrateKvMeta(this.run);
      if (!this.run.tables) return;
      abandonReservingRounds(this.run);
      // After a restart, an unfinished run gets its watchdog back even if no alarm survived.
      if ((await ctx.storage.getAlarm()) === null) await scheduleAlarm(this.run);
    });
  }

  /** Starts the run: one queue message per pose, within the send window. Calling it again changes nothing. */
  async start(init: RunStart) {
    ensureTables(this.run);
    return start(this.run, init);
  }

  /** A worker asks to work on a pose. No: done, cancelled, a stale message, or someone else has it. */
  async claim(templateId: string, round: number): Promise<claims.Claim> {
    ensureTables(this.run);
    return claims.claim(this.run, templateId, round);
  }

  /** Asked right before each provider call of a pose: counted, or refused at the cap or a lost claim. */
  async providerCall(templateId: string, round: number, attempt?: number): Promise<claims.ProviderCallTicket> {
    ensureTables(this.run);
    return claims.providerCall(this.run, templateId, round, attempt);
  }

  /** False once the generation is cancelled or this worker's claim went to another. */
  async checkpoint(templateId: string, round: number, attempt?: number): Promise<boolean> {
    ensureTables(this.run);
    return claims.checkpoint(this.run, templateId, round, attempt);
  }

  /** The worker starts one of the pose's stages: viewers see it; false once the claim is lost. */
  async startStage(templateId: string, round: number, at: StageStart, attempt?: number): Promise<boolean> {
    ensureTables(this.run);
    return startStage(this.run, templateId, round, at, attempt);
  }

  /** The worker gives the pose back (it will come again later). */
  async release(templateId: string, round: number, attempt?: number) {
    ensureTables(this.run);
    return claims.release(this.run, templateId, round, attempt);
  }

  /** A pose's outcome, accepted only from the worker that still holds the pose. */
  async complete(
    templateId: string,
    round: number,
    outcome: claims.PoseOutcome,
    attempt?: number,
  ): Promise<{ accepted: boolean }> {
    ensureTables(this.run);
    return claims.complete(this.run, templateId, round, outcome, attempt);
  }

  /** A message that kept failing reached the dead-letter queue: its pose has failed. */
  async deadLettered(templateId: string, round: number) {
    ensureTables(this.run);
    return claims.deadLettered(this.run, templateId, round);
  }

  /** Stops the remaining poses. */
  async cancel() {
    ensureTables(this.run);
    return cancel(this.run);
  }

  /** Runs the failed poses again once their credits are reserved, or answers with the refusal. */
  async retryFailed(): Promise<GenerationState | { refused: Refused } | null> {
    ensureTables(this.run);
    return retryFailed(this.run);
  }

  /** A made pose tries again for a new image once its round is reserved (`auto`: the server's one try). */
  async tryAgain(
    templateId: string,
    auto: boolean,
  ): Promise<GenerationState | { refused: Refused } | TryAgainConflict | null> {
    ensureTables(this.run);
    return tryAgain(this.run, templateId, auto);
  }

  /** The watchdog: stuck claims handed on, a stalled run's messages sent again. */
  async alarm() {
    ensureTables(this.run);
    return watch(this.run);
  }

  /** Live updates: the current state at once, then every change. */
  async fetch(request: Request): Promise<Response> {
    return acceptViewer(this.run, request);
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
    return readState(this.run);
  }

  /** A status read for `userId`: the run's view with the row's fields and verdicts, or why not (view.ts). */
  async view(userId: string): Promise<RunView> {
    return readView(this.run, userId);
  }

  /** The owner scored or rated a made pose (already written to D1). */
  async changeVerdict(templateId: string, change: VerdictChange) {
    // A run never started has nothing to change: it stays without storage.
    if (!this.run.tables) return;
    changeVerdict(this.run, templateId, change);
  }

  /** The generation's avatar was deleted. */
  async avatarDeleted() {
    // A run never started has nothing to change: it stays without storage.
    if (!this.run.tables) return;
    avatarDeleted(this.run);
  }

  /** The generation is being deleted: its remaining poses stop and every read answers unknown. */
  async remove() {
    // A run never started has nothing to change: it stays without storage.
    if (!this.run.tables) return;
    await cancel(this.run);
    markGone(this.run);
  }
}
