// The app under `wrangler dev` on 127.0.0.1 with a throwaway local state, for the benchmarks.
// Its output (and the migrations') goes to a log file; the bench harness stops it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateLocal, startWorker, waitForHealth } from "../scripts/local-env.mjs";
import { huggingFaceVars, startFakeProvider } from "../dev-tools/fake-provider/server";
import { logFile, stopServer, trackServer } from "./harness/servers";

export async function startBenchWorker(port: number, vars: Record<string, string> = {}) {
  const stateDir = mkdtempSync(join(tmpdir(), "pose-bench-"));
  const origin = `http://127.0.0.1:${port}`;
  const log = logFile(`worker-${port}`);
  migrateLocal(stateDir, { stdio: ["ignore", log, log] });
  const worker = trackServer(
    startWorker({
      port,
      persistTo: stateDir,
      stdio: ["ignore", log, log],
      detached: true,
      vars: { BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef", ...vars },
    }),
  );
  const stop = async () => {
    await stopServer(worker);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, stop };
}

/** The app with the FAKE provider (a test tool on 127.0.0.1) standing in for Hugging Face; stop() ends both. */
export async function startBenchStack(port: number, vars: Record<string, string> = {}) {
  const fake = await startFakeProvider(0, { unref: false });
  try {
    const worker = await startBenchWorker(port, { ...huggingFaceVars(fake.url, "hf_bench"), ...vars });
    const stop = async () => {
      await worker.stop();
      await fake.close();
    };
    return { origin: worker.origin, fake, stop };
  } catch (err) {
    await fake.close();
    throw err;
  }
}
