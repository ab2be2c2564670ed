import { defineConfig } from "vitest/config";

// The reliability suite: faults, a crash, hostile input and an authorization matrix against the
// real local stack (`wrangler dev` on 127.0.0.1) and the FAKE provider; Chromium for the UI checks.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/reliability/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/reliability/setup/local-server.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
