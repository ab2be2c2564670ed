// Every server a figure starts is registered here, so `npm run bench` stops all of them — after
// each figure, when a figure fails, on Ctrl-C, and (as a last resort, synchronously) on exit.
// Their output goes to log files, never to the console: the bench prints figures only.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where server logs of this run go (one file per server). */
export const LOG_DIR = join(tmpdir(), `pose-bench-logs-${process.pid}`);

/** A file descriptor for one server's stdout+stderr, in LOG_DIR. */
export function logFile(name: string): number {
  mkdirSync(LOG_DIR, { recursive: true });
  return openSync(join(LOG_DIR, `${name}.log`), "a");
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    // Started detached: the negative pid is its process group (wrangler and its workerd).
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Registers a detached child process; `stopServer` or `stopAllServers` ends its whole group. */
export function trackServer(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Stops one server's process group: SIGTERM, then SIGKILL if it is still there after 5 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (!running.has(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") killGroup(child, "SIGKILL");
  running.delete(child);
}

/** Stops every server still running. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map(stopServer));
}

/** How many registered servers are still running (for the closing check). */
export const runningServers = () => running.size;

process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAllServers().finally(() => process.exit(130));
  });
}
