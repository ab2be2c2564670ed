// Before each browser test: the local server answers (after a restart by local-server.ts, the
// retried test waits for it instead of failing on a refused connection).
import { beforeEach, inject } from "vitest";
import { waitForHealth } from "../../../scripts/local-env.mjs";

beforeEach(async () => {
  await waitForHealth(inject("origin"), 90_000);
});
