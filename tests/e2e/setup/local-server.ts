import type { ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb, migrateLocal, startWorker, waitForHealth } from "../../../scripts/local-env.mjs";
import { huggingFaceVars, startFakeProvider, type FakeProvider } from "../../../dev-tools/fake-provider/server";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    fakeProviderUrl: string;
    /** The local state directory, for queryLocal (e.g. to make a user an operator). */
    stateDir: string;
  }
}

/** The Worker's settings for tests on the local stack: the FAKE provider, quick retries, many sign-ups. */
export function localTestVars(fakeUrl: string): Record<string, string> {
  return {
    BETTER_AUTH_SECRET: "local-test-secret-0123456789abcdef0123456789abcdef",
    ...huggingFaceVars(fakeUrl, "hf_local_test"),
    PROVIDER_RATE_PER_MINUTE: "10000",
    PROVIDER_RETRY_BASE_MS: "50",
    // Every test signs up its own users from 127.0.0.1, far beyond 10 a minute.
    AUTH_ATTEMPTS_PER_MINUTE: "1000",
  };
}

/**
 * A vitest global setup: builds the web app and starts the Worker on a fresh local database, with
 * the FAKE provider. The browser tests and the reliability suite each use one, on their own port.
 */
export function localServer({ port, vars = {} }: { port: number; vars?: Record<string, string> }) {
  let worker: ChildProcess | undefined;
  let fake: FakeProvider | undefined;
  let stateDir = "";
  let stopping = false;
  let restarts = 0;
  /** Stops wrangler and its workerd together (they share a process group). */
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (worker?.pid) process.kill(-worker.pid, signal);
    } catch {
      // already gone
    }
  };

  async function setup(project: TestProject) {
    const origin = `http://127.0.0.1:${port}`;
    // A server left over from an interrupted run would answer instead of ours.
    const stale = await fetch(`${origin}/api/v1/health`).then(
      () => true,
      () => false,
    );
    if (stale)
      throw new Error(
        `Something already listens on ${origin}; stop it (or set E2E_PORT or RELIABILITY_PORT) and run again.`,
      );
    stateDir = mkdtempSync(join(tmpdir(), "pose-e2e-"));
    buildWeb();
    migrateLocal(stateDir);
    // The FAKE provider (a test tool) stands in for Hugging Face, on 127.0.0.1.
    fake = await startFakeProvider();
    // The server's own output goes to a file kept after the run: if it stops mid-suite, the file
    // says why (the tests only see refused connections).
    const log = join(tmpdir(), `pose-e2e-wrangler-${port}.log`);
    const start = (flags: "w" | "a") => {
      worker = startWorker({
        port,
        persistTo: stateDir,
        stdio: ["ignore", openSync(log, flags), "inherit"],
        vars: { ...localTestVars(fake!.url), ...vars },
        detached: true,
      });
      worker.on("exit", (code, signal) => {
        if (stopping) return;
        // `wrangler dev` (its bundler's file watcher, its inspector proxy) has been seen to exit
        // mid-suite with an empty "[ERROR]"; our Worker's own errors are answers, not exits. The
        // suite restarts it on the same database, says so loudly, and the test running then is
        // retried once (vitest.config.ts) — a test that fails twice still fails.
        console.error(
          `\nwrangler dev on port ${port} stopped early (code ${code}, signal ${signal}); its output: ${log}. Restarting it.`,
        );
        killGroup("SIGKILL");
        if (restarts++ < 3) start("a");
      });
    };
    start("w");
    await waitForHealth(origin);
    project.provide("origin", origin);
    project.provide("fakeProviderUrl", fake.url);
    project.provide("stateDir", stateDir);
  }

  async function teardown() {
    stopping = true;
    killGroup("SIGTERM");
    await fake?.close();
    await new Promise((r) => setTimeout(r, 300));
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  }

  return { setup, teardown };
}

export const { setup, teardown } = localServer({ port: Number(process.env.E2E_PORT ?? 8791) });
