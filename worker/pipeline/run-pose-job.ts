// Runs one pose (one queue message): claim it from its generation's Durable Object, run every
// stage, record the outcome, report back. Safe to receive twice: the claim refuses finished poses.
import { and, eq, sql } from "drizzle-orm";
import { buildPosePrompt } from "../../shared/prompts/pose-prompt";
import { OUTPUT_SIZE } from "../../shared/api/generations";
import { STAGES } from "../../shared/stages";
import { PoseInputMissing } from "../../shared/stages/pose-input-missing";
import { providerFailureCode, type PoseFailure } from "../../shared/generations/pose-failure";
import { db } from "../db/client";
import { avatars, poseGenerations, poseTemplates } from "../db/schema";
import { providerLabel } from "../providers/registry";
import { Cancelled, RetriesExhausted, RetryLater } from "../providers/retry";
import { inTurn } from "../runtime/cpu-turns";
import { generationStub } from "../generations/generation-stub";
import type { PoseJob } from "./pose-job";
import { retryIfDrifted } from "../quality/auto-retry";
import { recordOutcome } from "./record-outcome";
import { runStage, stageApplies } from "./run-stage";
import { resumeStage } from "./stage-images";
import { freshPoseState, type PoseContext } from "./pose-context";
import { avatarBytes } from "./avatar-bytes";

/** Deliveries of one message before an unexpected error (not a provider's) fails the pose. */
const MAX_DELIVERIES = 3;

/** The pose made its POSE_MAX_PROVIDER_CALLS calls: it fails instead of paying for more. */
class ProviderCallLimit extends Error {
  constructor(readonly cap: number) {
    super(`Stopped: this pose reached its limit of ${cap} provider calls (POSE_MAX_PROVIDER_CALLS) across its tries.`);
  }
}

type Hooks = Pick<PoseContext, "proceed" | "beforeProviderCall" | "roundCalls">;

type Inputs = Omit<PoseContext, keyof Hooks | keyof ReturnType<typeof freshPoseState>>;

/** What a pose is made from: its rows (the generation, its avatar and template) and the avatar's image. */
async function loadInputs(env: Env, job: PoseJob): Promise<Inputs> {
  const d = db(env);
  // One D1 round trip: the generation, its avatar (both the user's) and the template.
  // (Plain selects: a relational findFirst that finds nothing breaks drizzle's D1 batch.)
  const [[generation], [avatar], [template]] = await d.batch([
    d
      .select()
      .from(poseGenerations)
      .where(and(eq(poseGenerations.id, job.generationId), eq(poseGenerations.userId, job.userId))),
    d
      .select()
      .from(avatars)
      .where(
        and(
          eq(avatars.userId, job.userId),
          sql`${avatars.id} = (SELECT ${poseGenerations.avatarId} FROM ${poseGenerations} WHERE ${poseGenerations.id} = ${job.generationId})`,
        ),
      ),
    d.select().from(poseTemplates).where(eq(poseTemplates.id, job.poseTemplateId)),
  ]);
  if (!generation) throw new PoseInputMissing("The generation no longer exists.", "generation_gone");
  if (!avatar) throw new PoseInputMissing("The avatar was deleted.", "avatar_deleted");
  if (!template) throw new PoseInputMissing("The pose template was deleted.", "template_deleted");
  const bytes = await avatarBytes(env.IMAGES, avatar.imageKey);
  if (!bytes) throw new PoseInputMissing("The avatar's image is missing.", "avatar_image_missing");
  return {
    env,
    job,
    generation,
    avatar,
    avatarBytes: bytes,
    template,
    size: OUTPUT_SIZE[generation.quality],
    prompt: buildPosePrompt(generation.basePrompt ?? "", template),
    negativePrompt: generation.negativePrompt ?? "",
  };
}

/** One pose's context from its rows (the generation, its avatar and template, the avatar's image). */
export async function loadContext(env: Env, job: PoseJob, hooks: Hooks): Promise<PoseContext> {
  return { ...(await loadInputs(env, job)), ...freshPoseState(), ...hooks };
}

export async function runPoseJob(env: Env, message: Message<PoseJob>): Promise<void> {
  const job = message.body;
  const stub = generationStub(env, job.generationId);
  // The rows are read while the claim is asked for: a refused claim only wastes the reads.
  const inputs = loadInputs(env, job);
  inputs.catch(() => {});
  const claim = await stub.claim(job.poseTemplateId, job.round);
  if (!claim.proceed) {
    if (claim.retryAfterMs) message.retry({ delaySeconds: Math.ceil(claim.retryAfterMs / 1000) });
    else message.ack();
    return;
  }
  const started = Date.now();
  // This worker's claim: if its lease runs out and the pose goes to another worker, it stops here.
  const holds = () => stub.checkpoint(job.poseTemplateId, job.round, claim.attempt);
  let ctx: PoseContext | null = null;
  const beforeProviderCall = async () => {
    const ticket = await stub.providerCall(job.poseTemplateId, job.round, claim.attempt);
    if (ctx) ctx.roundCalls = ticket.roundCalls;
    if (ticket.reason === "lost") throw new Cancelled();
    if (!ticket.allowed) {
      throw new ProviderCallLimit(ticket.cap);
    }
  };
  const fail = async (error: string, failure: PoseFailure) => {
    if (ctx && (await holds())) await recordOutcome(ctx, { success: false, error, elapsedMs: Date.now() - started });
    await stub.complete(
      job.poseTemplateId,
      job.round,
      { success: false, error, failure, provider: ctx?.provider ?? undefined },
      claim.attempt,
    );
    message.ack();
  };
  try {
    const hooks = { proceed: holds, beforeProviderCall, roundCalls: claim.roundCalls ?? 0 };
    const pose: PoseContext = { ...(await inputs), ...freshPoseState(), ...hooks };
    ctx = pose;
    const stages = STAGES.filter((stage) => stageApplies(stage, pose));
    for (const [done, stage] of stages.entries()) {
      // Stored by an earlier delivery or round of this pose: already paid for, not made again. A
      // pose's first claim ever has nothing stored, so it does not look.
      if (claim.attempt !== 1 && (await resumeStage(pose, stage.image))) continue;
      // Viewers see the stage; a worker that lost its claim stops here.
      const at = { stage: stage.name, done, count: stages.length };
      if (!(await stub.startStage(job.poseTemplateId, job.round, at, claim.attempt))) return message.ack();
      // Stages are CPU work: one pose's at a time, requests served in between (cpu-turns.ts).
      await inTurn(() => runStage(stage, pose));
    }
    if (!(await holds())) return message.ack();
    const verdict = await recordOutcome(ctx, { success: true, error: null, elapsedMs: Date.now() - started });
    // The run keeps the new image's verdict too: a status read needs no D1.
    const { accepted } = await stub.complete(
      job.poseTemplateId,
      job.round,
      { success: true, provider: ctx.provider ?? undefined, verdict: verdict ?? undefined },
      claim.attempt,
    );
    const score = verdict?.qualityScore ?? null;
    // The provider's own detector found the pose drifted: POSE_AUTO_RETRY tries once more.
    if (accepted && ctx.detection) await retryIfDrifted(env, job, score, "provider");
    message.ack();
  } catch (err) {
    if (err instanceof Cancelled) return message.ack();
    if (err instanceof RetryLater) {
      // A long provider wait (a model warming up): come back later instead of holding a Worker.
      await stub.release(job.poseTemplateId, job.round, claim.attempt);
      return message.retry({ delaySeconds: Math.ceil(err.delayMs / 1000) });
    }
    if (err instanceof RetriesExhausted) {
      const { kind, reason, provider } = err.cause;
      return fail(err.cause.message, {
        code: reason ?? providerFailureCode(kind),
        params: { provider: providerLabel(provider) ?? provider },
      });
    }
    if (err instanceof PoseInputMissing) return fail(err.message, { code: err.code });
    if (err instanceof ProviderCallLimit) {
      if (ctx) ctx.lastErrorClass = "call_limit";
      return fail(err.message, { code: "call_limit", params: { cap: err.cap } });
    }
    console.error(JSON.stringify({ job, error: String((err as Error)?.stack ?? err) }));
    if (message.attempts < MAX_DELIVERIES) {
      await stub.release(job.poseTemplateId, job.round, claim.attempt);
      return message.retry({ delaySeconds: 2 ** message.attempts });
    }
    return fail("An internal error stopped this pose.", { code: "internal" });
  }
}

/** A pose message the queue gave up on: the pose fails with that reason. */
export async function deadLetterPoseJob(env: Env, message: Message<PoseJob>): Promise<void> {
  await generationStub(env, message.body.generationId).deadLettered(message.body.poseTemplateId, message.body.round);
  message.ack();
}
