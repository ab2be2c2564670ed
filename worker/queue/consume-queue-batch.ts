// Entry for both the pose-job queue and its dead-letter queue. The generation pipeline
// registers its message handlers here; until it does, messages are logged and acknowledged
// so that nothing loops through retries.

export async function consumeQueueBatch(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    console.warn(JSON.stringify({ queue: batch.queue, id: message.id, note: "no handler for this message" }));
    message.ack();
  }
}
