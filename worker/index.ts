import { app } from "./app";
import { consumeQueueBatch } from "./queue/consume-queue-batch";

export { GenerationDurableObject } from "../durable-objects/generation";
export { ProviderLimiterDurableObject } from "../durable-objects/provider-limiter";

export default {
  fetch: app.fetch,
  queue: consumeQueueBatch,
} satisfies ExportedHandler<Env>;
