import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb, migrateLocal, startWorker, waitForHealth } from "../../../scripts/local-env.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
  }
}

let worker: ChildProcess | undefined;
let stateDir = "";

/** Builds the web app and starts the Worker on a fresh local database for the browser tests. */
export async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 8791);
  const origin = `http://127.0.0.1:${port}`;
  stateDir = mkdtempSync(join(tmpdir(), "pose-e2e-"));
  buildWeb();
  migrateLocal(stateDir);
  worker = startWorker({
    port,
    persistTo: stateDir,
    stdio: ["ignore", "ignore", "inherit"],
    vars: { BETTER_AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef" },
  });
  await waitForHealth(origin);
  project.provide("origin", origin);
}

export async function teardown() {
  worker?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}
