import { defineConfig } from "vitest/config";

// Browser tests: Node drives Debian's Chromium (playwright-core) against `wrangler dev` on 127.0.0.1.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/setup/local-server.ts"],
    setupFiles: ["tests/e2e/setup/server-ready.ts"],
    // Once, for a test cut off by `wrangler dev` stopping mid-suite (restarted by local-server.ts).
    retry: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
