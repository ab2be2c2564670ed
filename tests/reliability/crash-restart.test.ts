// The local server is killed (SIGKILL, wrangler and workerd together) in the middle of a batch and
// started again on the same state: the batch completes, each pose once, charged once.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateLocal, queryLocal, startWorker, waitForHealth } from "../../scripts/local-env.mjs";
import { localTestVars } from "../e2e/setup/local-server";
import { startFakeProvider } from "../../dev-tools/fake-provider/server";
import {
  FINAL,
  followGeneration,
  jsonBody,
  signUp,
  sleep,
  templateIds,
  uploadAvatar,
  type GenerationView,
} from "../../dev-tools/api-client";
import { progressErrors } from "./helpers/client";

const PORT = Number(process.env.CRASH_PORT ?? 8793);
const origin = `http://127.0.0.1:${PORT}`;
const POSES = 24;

const stateDir = mkdtempSync(join(tmpdir(), "pose-crash-"));
let worker: ChildProcess | undefined;
const fake = await startFakeProvider();

function start() {
  worker = startWorker({
    port: PORT,
    persistTo: stateDir,
    stdio: ["ignore", "ignore", "ignore"],
    detached: true,
    vars: {
      ...localTestVars(fake.url),
      // Short, so the watchdog finds the work the crash lost within seconds, not minutes.
      POSE_LEASE_MS: "3000",
      POSE_STALL_MS: "2000",
    },
  });
  return waitForHealth(origin, 90_000);
}

/** SIGKILL to wrangler's whole process group: no shutdown, nothing flushed. */
async function crash() {
  process.kill(-worker!.pid!, "SIGKILL");
  for (let i = 0; i < 100; i++) {
    if (
      !(await fetch(`${origin}/api/v1/health`).then(
        () => true,
        () => false,
      ))
    )
      return;
    await sleep(100);
  }
  throw new Error("the server still answers after SIGKILL");
}

const query = <T>(sql: string) => queryLocal<T>(stateDir, sql);

afterAll(async () => {
  if (worker?.pid) {
    try {
      process.kill(-worker.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await fake.close();
  await sleep(300);
  rmSync(stateDir, { recursive: true, force: true });
});

describe("crash and restart", () => {
  it(`a batch of ${POSES} poses survives SIGKILL of the server mid-batch: completes, no pose made or charged twice`, async () => {
    migrateLocal(stateDir);
    await start();
    const user = await signUp(origin, "Crash");
    const avatar = await uploadAvatar(user);
    const ids = await templateIds(user, POSES);
    // Each provider call takes a while, so the crash lands with poses done, running and queued.
    await fetch(`${fake.url}/__fake/config`, jsonBody("POST", { latencyMs: 400 }));
    const started = await user.json<{ id: string }>(
      "/api/v1/generations",
      jsonBody("POST", { avatarId: avatar.id, poseTemplateIds: ids }),
    );

    const before: GenerationView[] = [];
    for (;;) {
      const g = await user.json<GenerationView>(`/api/v1/generations/${started.id}`);
      before.push(g);
      if (g.successfulPoses >= 4) break;
      if (FINAL.includes(g.status)) throw new Error("the batch finished before the crash");
      await sleep(100);
    }
    const atCrash = before.at(-1)!;
    expect(atCrash.successfulPoses).toBeLessThan(POSES);
    await crash();
    await start();

    const { final, snapshots } = await followGeneration(user, started.id, 120_000);
    const calls = ((await (await fetch(`${fake.url}/__fake/requests`)).json()) as unknown[]).length;
    console.log(
      `crash: killed at ${atCrash.successfulPoses}/${POSES} done (${atCrash.poses.filter((p) => p.status === "running").length} running); after restart ${final.status} with ${final.successfulPoses}, ${calls} provider calls`,
    );
    expect(final).toMatchObject({ status: "completed", successfulPoses: POSES, failedPoses: 0, progress: 100 });
    expect(progressErrors([...before, ...snapshots])).toEqual([]);

    process.kill(-worker!.pid!, "SIGTERM");
    await sleep(1000);
    // One GeneratedPose row per pose, every one a success with its image.
    const rows = query<{ pose_template_id: string; n: number; ok: number }>(
      `select pose_template_id, count(*) n, min(success) ok from generated_poses where generation_id = '${started.id}' group by pose_template_id`,
    );
    expect(rows).toHaveLength(POSES);
    expect(rows.filter((r) => r.n !== 1 || r.ok !== 1)).toEqual([]);
    // Charged once: each pose's one SD credit reserved once and settled once as spent, nothing refunded.
    const ledger = query<{ kind: string; entries: number; poses: number; amount: number }>(
      `select kind, count(*) entries, count(distinct pose_template_id) poses, sum(amount) amount from credit_ledger where generation_id = '${started.id}' group by kind order by kind`,
    );
    expect(ledger).toEqual([
      { kind: "reserve", entries: POSES, poses: POSES, amount: -POSES },
      { kind: "spend", entries: POSES, poses: POSES, amount: 0 },
    ]);
  });
});
