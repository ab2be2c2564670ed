import { isPoseJob, type PoseJob } from "../pipeline/pose-job";
import { deadLetterPoseJob, runPoseJob } from "../pipeline/run-pose-job";

/** Entry for the pose-job queue and its dead-letter queue; a batch's messages run concurrently. */
export async function consumeQueueBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deadLetters = batch.queue.endsWith("-dlq");
  await Promise.all(
    batch.messages.map(async (message) => {
      if (!isPoseJob(message.body)) {
        console.warn(JSON.stringify({ queue: batch.queue, id: message.id, note: "not a pose job; dropped" }));
        return message.ack();
      }
      const job = message as Message<PoseJob>;
      return deadLetters ? deadLetterPoseJob(env, job) : runPoseJob(env, job);
    }),
  );
}
