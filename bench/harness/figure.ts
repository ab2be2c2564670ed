// One figure of `npm run bench` and the loop that prints them: a figure with a missing tool is
// skipped (with how to install it), a failing figure is reported and the next one runs, and every
// server a figure started is stopped after it, whatever happened.
import { firstMissing, type Requirement } from "./tools";
import { LOG_DIR, runningServers, stopAllServers } from "./servers";

export interface Figure {
  name: string;
  needs?: Requirement[];
  run: () => void | Promise<void>;
}

/** Runs the figures in order; resolves to the exit code (1 when one failed, 0 when all ran or were skipped). */
export async function runFigures(figures: Figure[]): Promise<number> {
  let failed = 0;
  for (const figure of figures) {
    const missing = firstMissing(figure.needs);
    if (missing) {
      console.log(`${figure.name}: skipped, ${missing.name} is missing (${missing.hint})`);
      continue;
    }
    try {
      await figure.run();
    } catch (err) {
      failed++;
      console.log(
        `${figure.name}: FAILED: ${err instanceof Error ? err.message : String(err)} (server logs: ${LOG_DIR})`,
      );
    } finally {
      await stopAllServers();
    }
  }
  if (runningServers() > 0) console.log(`${runningServers()} servers could not be stopped`);
  return failed > 0 ? 1 : 0;
}

/** For `npx tsx bench/<figure>.ts`: runs just that figure when the file is the entry point. */
export async function runIfMain(url: string, figure: Figure) {
  if (url === `file://${process.argv[1]}`) process.exitCode = await runFigures([figure]);
}
