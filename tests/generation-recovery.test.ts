import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import type { GenerationDurableObject } from "../durable-objects/generation";
import worker from "../worker/index";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

/** A generation whose one pose is stuck in a provider that never answers. */
async function stuckGeneration() {
  const user = await signUp();
  const uid = await userId(user);
  await fakeProvider.faults([{ kind: "hang", trace: uid }]);
  const avatar = await uploadAvatar(user);
  const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"] });
  for (let i = 0; i < 100; i++) {
    const state = (await (await user.fetch(`/api/v1/generations/${started.id}`)).json()) as GenerationState;
    if (state.poses[0]!.status === "running") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const stub = env.GENERATION.get(env.GENERATION.idFromName(started.id));
  return { user, uid, started, stub };
}

describe("recovering from lost work", () => {
  it("a message in the dead-letter queue marks its pose failed", async () => {
    const { user, uid, started } = await stuckGeneration();
    const batch = createMessageBatch("pose-jobs-dlq", [
      {
        id: "dead-1",
        timestamp: new Date(),
        attempts: 6,
        body: { type: "pose", generationId: started.id, userId: uid, poseTemplateId: "builtin-wave", round: 0 },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["dead-1"]);
    const state = await waitForFinal(user, started.id);
    expect(state).toMatchObject({ status: "failed", failedPoses: 1, progress: 100 });
    expect(state.poses[0]!.error).toMatch(/repeated delivery failures/);
  });

  it("the watchdog queues again a pose whose worker vanished (lease expired); it completes once, the lost worker's outcome is refused", async () => {
    const { user, uid, started, stub } = await stuckGeneration();
    await fakeProvider.clear(uid);
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("UPDATE poses SET lease_until = 1 WHERE status = 'running'");
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const state = await waitForFinal(user, started.id);
    expect(state).toMatchObject({ status: "completed", successfulPoses: 1, failedPoses: 0, progress: 100 });
    expect(state.poses[0]!.attempts).toBe(2);
    // The first worker (attempt 1) no longer holds the pose: its late outcome changes nothing.
    const late = await runInDurableObject(stub, (instance) =>
      (instance as unknown as GenerationDurableObject).complete(
        "builtin-wave",
        0,
        { success: false, error: "late" },
        1,
      ),
    );
    expect(late).toEqual({ accepted: false });
    const rows = await env.DB.prepare("select success from generated_poses where generation_id = ?")
      .bind(started.id)
      .all();
    expect(rows.results).toEqual([{ success: 1 }]);
  });

  it(`the watchdog fails a pose whose worker vanished ${3} times`, async () => {
    const { user, started, stub } = await stuckGeneration();
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("UPDATE poses SET lease_until = 1, attempts = 3 WHERE status = 'running'");
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const state = await waitForFinal(user, started.id);
    expect(state).toMatchObject({ status: "failed", failedPoses: 1 });
    expect(state.poses[0]!.error).toMatch(/Timed out: no result after 3 tries/);
    const row = await env.DB.prepare("select status, failed_poses, completed_at from pose_generations where id = ?")
      .bind(started.id)
      .first<{ status: string; failed_poses: number; completed_at: number | null }>();
    expect(row).toMatchObject({ status: "failed", failed_poses: 1 });
    expect(row!.completed_at).not.toBeNull();
  });

  it("the watchdog sends again the messages of a stalled run (queued poses, nothing happening)", async () => {
    const { user, uid, started, stub } = await stuckGeneration();
    await fakeProvider.clear(uid);
    // As after a restart that lost the queue: the pose waits for a message that will never come.
    await runInDurableObject(stub, async (_instance, state) => {
      state.storage.sql.exec("UPDATE poses SET status = 'queued', lease_until = NULL");
      await state.storage.put("activity", 0);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const state = await waitForFinal(user, started.id);
    expect(state).toMatchObject({ status: "completed", successfulPoses: 1 });
  });

  it("drops messages that are not pose jobs without failing the batch", async () => {
    const batch = createMessageBatch("pose-jobs", [
      { id: "junk-1", timestamp: new Date(), attempts: 1, body: { hello: "world" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["junk-1"]);
  });

  it("a generation keeps at most its window (20) of messages waiting in the queue and sends the rest as poses start", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const ids = (await (await user.fetch("/api/v1/templates?limit=30")).json()) as { items: { id: string }[] };
    // The first 20 provider calls hang until the client's timeout, so poses stay running a while.
    await fakeProvider.faults([{ kind: "hang", trace: `${uid}/`, times: 20 }]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ids.items.map((t) => t.id) });
    const stub = env.GENERATION.get(env.GENERATION.idFromName(started.id));
    const counts = () =>
      runInDurableObject(stub, (_instance, state) =>
        state.storage.sql
          .exec<{ waiting: number; unsent: number }>(
            "SELECT sum(sent = 1 AND status = 'queued') AS waiting, sum(sent = 0) AS unsent FROM poses",
          )
          .one(),
      );
    // Not all 30 went to the queue at once: some wait for room in the window.
    const first = await counts();
    expect(first.unsent).toBeGreaterThan(0);
    const waiting: number[] = [first.waiting];
    const deadline = Date.now() + 30_000;
    for (;;) {
      waiting.push((await counts()).waiting);
      const state = (await (await user.fetch(`/api/v1/generations/${started.id}`)).json()) as GenerationState;
      if (["completed", "partial", "failed"].includes(state.status) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Math.max(...waiting)).toBeLessThanOrEqual(20);
    expect(await waitForFinal(user, started.id)).toMatchObject({ status: "completed", successfulPoses: 30 });
  });
});
