import { config } from "../config";
import { isPoseJob, type PoseJob } from "../pipeline/pose-job";
import { deadLetterPoseJob, runPoseJob } from "../pipeline/run-pose-job";

/** Poses one consumer invocation runs at once (POSE_CONCURRENCY, default 5). */
export const poseConcurrency = (env: Env): number => config(env).generations.poseConcurrency;

/**
 * The batch's messages with users taking turns (A1 B1 A2 B2 …, each user's own in order), so one
 * shop's big batch does not hold another's poses back until all of its own are done.
 */
export function takeTurns<T extends { body: unknown }>(messages: readonly T[]): T[] {
  const byUser = new Map<string, T[]>();
  for (const m of messages) {
    const user = isPoseJob(m.body) ? m.body.userId : "";
    const own = byUser.get(user);
    if (own) own.push(m);
    else byUser.set(user, [m]);
  }
  const queues = [...byUser.values()];
  const out: T[] = [];
  for (let i = 0; out.length < messages.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}

/**
 * Entry for the pose-job queue and its dead-letter queue. A batch is worked through by a pool of
 * POSE_CONCURRENCY: a finished pose frees its slot for the next at once (no waiting for the
 * batch's slowest pose), and each message is acked or retried on its own.
 */
export async function consumeQueueBatch(
  batch: MessageBatch<unknown>,
  env: Env,
  _ctx?: ExecutionContext,
): Promise<void> {
  const deadLetters = batch.queue.endsWith("-dlq");
  const pending = takeTurns(batch.messages);
  const worker = async () => {
    for (let message = pending.shift(); message; message = pending.shift()) {
      if (!isPoseJob(message.body)) {
        console.warn(JSON.stringify({ queue: batch.queue, id: message.id, note: "not a pose job; dropped" }));
        message.ack();
        continue;
      }
      const job = message as Message<PoseJob>;
      await (deadLetters ? deadLetterPoseJob(env, job) : runPoseJob(env, job));
    }
  };
  await Promise.all(Array.from({ length: Math.min(poseConcurrency(env), pending.length) }, worker));
}
