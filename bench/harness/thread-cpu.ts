// The CPU time the threads of a name spent running, in the processes this bench started (Linux's
// /proc): it tells a computation's own cost from the time it waited for a core on a busy machine,
// which a wall-clock timer inside the browser cannot. Elsewhere it answers null and the figure
// prints without it.
import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second for utime/stime (USER_HZ, 100 on every mainstream build). */
const TICKS_PER_S = 100;

/** `/proc/<pid>/stat` (or a task's) as the command name and the fields after it, or null once gone. */
function readStat(path: string): { name: string; fields: string[] } | null {
  try {
    const stat = readFileSync(path, "utf8");
    // The name sits in parentheses and may itself hold spaces or parentheses.
    const close = stat.lastIndexOf(")");
    return { name: stat.slice(stat.indexOf("(") + 1, close), fields: stat.slice(close + 2).split(" ") };
  } catch {
    return null;
  }
}

/** Every process below `root` (children, their children, …). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(readStat(`/proc/${pid}/stat`)?.fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const walk = (pid: number) =>
    (children.get(pid) ?? []).forEach((child) => {
      found.push(child);
      walk(child);
    });
  walk(root);
  return found;
}

/**
 * Seconds of CPU (user + system) used so far by the threads named `threadName` (as Linux shows it,
 * cut to 15 characters) in every process below this one; null where /proc is not there.
 */
export function threadCpuSeconds(threadName: string): number | null {
  try {
    readdirSync("/proc/self/task");
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of descendants(process.pid)) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
      // utime and stime are fields 14 and 15 of stat(5), 11 and 12 after the name.
      if (stat?.name === threadName) ticks += Number(stat.fields[11]) + Number(stat.fields[12]);
    }
  }
  return ticks / TICKS_PER_S;
}
