import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Metrics, OperatorMetrics } from "../shared/api/metrics";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

describe("metrics", () => {
  it("counts my month (design metrics, rates, cost, weakest templates); others see none of it; operators see all with alerts", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // One of the two poses is refused by the provider for good.
    await fakeProvider.faults([{ kind: "bad_request", trace: `${uid}/`, match: "pose: hand on hip" }]);
    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: ["builtin-front-neutral", "builtin-hand-on-hip"],
    });
    expect(await waitForFinal(user, started.id)).toMatchObject({
      status: "partial",
      successfulPoses: 1,
      failedPoses: 1,
    });

    const mine = (await (await user.fetch("/api/v1/metrics")).json()) as Metrics;
    expect(mine.month).toBe(new Date().toISOString().slice(0, 7));
    expect(mine.design).toMatchObject({ timesCreated: 1, posesGenerated: 1, totalTimeSavedMinutes: 20 });
    expect(mine.design.avgCreationTimeMs).toBeGreaterThanOrEqual(0);
    expect(mine.poses).toMatchObject({ attempts: 2, succeeded: 1, successRate: 0.5 });
    expect(mine.byQuality).toEqual([expect.objectContaining({ quality: "sd", attempts: 2, succeeded: 1 })]);
    const hf = mine.byProvider.find((p) => p.provider === "huggingface")!;
    expect(hf.costUsd).toBeGreaterThan(0);
    expect(hf.errorRate).toBe(0.5);
    // Least reliable first.
    expect(mine.templates[0]).toMatchObject({ templateId: "builtin-hand-on-hip", name: "Hand on hip", successRate: 0 });
    // Slowest first; a template with no successful pose has no time and comes last.
    expect(mine.slowestTemplates.map((t) => t.templateId)).toEqual(["builtin-front-neutral", "builtin-hand-on-hip"]);
    expect(mine.slowestTemplates[0]!.avgSeconds).toBeGreaterThanOrEqual(0);
    expect(mine.slowestTemplates[1]!.avgSeconds).toBeNull();
    expect(mine.daily).toEqual([
      expect.objectContaining({
        day: new Date().toISOString().slice(0, 10),
        attempts: 2,
        succeeded: 1,
        successRate: 0.5,
      }),
    ]);

    const other = await signUp();
    const theirs = (await (await other.fetch("/api/v1/metrics")).json()) as Metrics;
    expect(theirs.design.timesCreated).toBe(0);
    expect(theirs.poses.attempts).toBe(0);
    expect(theirs.templates).toEqual([]);

    expect((await user.fetch("/api/v1/metrics?month=2026-13")).status).toBe(400);
    const past = (await (await user.fetch("/api/v1/metrics?month=2020-01")).json()) as Metrics;
    expect(past.design.timesCreated).toBe(0);

    expect((await user.fetch("/api/v1/metrics/operator")).status).toBe(403);
    await env.DB.prepare("update users set role = 'admin' where id = ?").bind(uid).run();
    const ops = (await (await user.fetch("/api/v1/metrics/operator")).json()) as OperatorMetrics;
    expect(ops.poses.attempts).toBeGreaterThanOrEqual(2);
    expect(ops.queueDepth).toBe(0);
    expect(ops.poses.successRate).toBe(0.5);
    expect(ops.alerts.map((a) => a.metric)).toEqual(["successRate", "failedJobRate"]);
    const inId = (await (
      await user.fetch("/api/v1/metrics/operator", { headers: { "accept-language": "id" } })
    ).json()) as OperatorMetrics;
    expect(inId.alerts.map((a) => a.message)).toEqual([
      "Tingkat keberhasilan di bawah 80 %.",
      "Lebih dari 5 % pose gagal.",
    ]);
    expect((await other.fetch("/api/v1/metrics/operator")).status).toBe(403);
  });
});
