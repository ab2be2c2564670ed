import { app } from "./app";
import { purgeExpiredCandidates } from "./avatars/purge-candidates";
import { consumeQueueBatch } from "./queue/consume-queue-batch";
import { sweepOrphans } from "./storage/sweep-orphans";

export { GenerationDurableObject } from "../durable-objects/generation";
export { ProviderLimiterDurableObject } from "../durable-objects/provider-limiter";

export default {
  fetch: app.fetch,
  queue: consumeQueueBatch,
  // Hourly (wrangler.toml [triggers]): expired text-to-avatar candidates, then R2 objects whose
  // row is gone (only those older than a few hours, measured from the cron's scheduled time).
  scheduled: (controller, env, ctx) =>
    ctx.waitUntil(purgeExpiredCandidates(env).then(() => sweepOrphans(env, new Date(controller.scheduledTime)))),
} satisfies ExportedHandler<Env>;
