import { app } from "./app";
import { purgeExpiredCandidates } from "./avatars/purge-candidates";
import { consumeQueueBatch } from "./queue/consume-queue-batch";

export { GenerationDurableObject } from "../durable-objects/generation";
export { ProviderLimiterDurableObject } from "../durable-objects/provider-limiter";

export default {
  fetch: app.fetch,
  queue: consumeQueueBatch,
  // Hourly (wrangler.toml [triggers]): expired text-to-avatar candidates.
  scheduled: (_controller, env, ctx) => ctx.waitUntil(purgeExpiredCandidates(env)),
} satisfies ExportedHandler<Env>;
