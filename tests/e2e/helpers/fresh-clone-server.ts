// The app as `npm start` runs it on a fresh clone: .dev.vars made from .dev.vars.example (no AI
// provider of any kind), migrations applied, `wrangler dev` on 127.0.0.1. The browser suite's own
// server runs with the fake provider, so a test about "no provider configured" starts this one.
// It reuses the suite's web build (the global setup made it) and has its own state directory.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDevVars, migrateLocal, startWorker, waitForHealth } from "../../../scripts/local-env.mjs";

export interface FreshCloneServer {
  origin: string;
  /** Stops wrangler and its workerd (the whole process group) and removes the state directory. */
  stop(): Promise<void>;
}

/** Starts the fresh-clone app on `port`; its output goes to a log file named in any failure. */
export async function startFreshCloneServer(port: number): Promise<FreshCloneServer> {
  const origin = `http://127.0.0.1:${port}`;
  const stale = await fetch(`${origin}/api/v1/health`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`Something already listens on ${origin}; stop it or pick another port.`);
  const stateDir = mkdtempSync(join(tmpdir(), "pose-fresh-clone-"));
  // The repo's own .dev.vars may name providers: wrangler reads this file instead of it.
  const envFile = join(stateDir, ".dev.vars");
  writeFileSync(envFile, freshDevVars());
  const log = join(tmpdir(), `pose-fresh-clone-${port}.log`);
  const out = openSync(log, "w");
  migrateLocal(stateDir, { stdio: ["ignore", out, out] });
  let stopping = false;
  const worker: ChildProcess = startWorker({
    port,
    persistTo: stateDir,
    envFile,
    stdio: ["ignore", out, out],
    detached: true,
  });
  worker.on("exit", (code, signal) => {
    if (!stopping) console.error(`the fresh-clone server on ${port} stopped early (${code ?? signal}); see ${log}`);
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));

  async function stop() {
    stopping = true;
    if (worker.exitCode === null && worker.signalCode === null) {
      process.kill(-worker.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    rmSync(stateDir, { recursive: true, force: true });
  }

  try {
    await waitForHealth(origin, 90_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}; its output: ${log}`);
  }
  return { origin, stop };
}
