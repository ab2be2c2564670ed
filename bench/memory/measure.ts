// Peak resident memory of one code path, in this process: Linux's high-water mark (VmHWM) is
// reset to the current RSS just before the path runs (/proc/self/clear_refs "5"), so VmHWM after
// it, minus the RSS at the reset, is what the path added at its peak: photon's wasm memory, the
// pixel copies in JS, the input file and the output. One path per process (see run-case.ts), so
// a wasm memory that never shrinks cannot carry one case's peak into the next.
import { readFileSync, writeFileSync } from "node:fs";

function statusKb(field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? NaN);
}

/** Bytes the path added to the process at its peak. */
export function peakBytes(path: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync("/proc/self/clear_refs", "5");
  const before = statusKb("VmRSS");
  path();
  return (statusKb("VmHWM") - before) * 1024;
}

/** Bytes an asynchronous path added to the process at its peak (same method as peakBytes). */
export async function peakBytesAsync(path: () => Promise<void>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync("/proc/self/clear_refs", "5");
  const before = statusKb("VmRSS");
  await path();
  return (statusKb("VmHWM") - before) * 1024;
}
