// Secrets and optional bindings that wrangler.toml does not declare (worker-configuration.d.ts is
// generated from it by `npm run types`): set with `wrangler secret put NAME` or in .dev.vars.
declare namespace Cloudflare {
  interface Env {
    HF_TOKEN?: string;
    A1111_AUTH?: string;
    SEGMIND_API_KEY?: string;
    MODELSLAB_API_KEY?: string;
    /** Workers AI, when `[ai] binding = "AI"` is added to wrangler.toml. */
    AI?: import("./providers/workers-ai/call").AiBinding;
  }
}
