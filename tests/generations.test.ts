import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import type { GenerationState } from "../shared/api/generations";
import { readOpenPose } from "../shared/pose/openpose-json";
import { letterboxPose } from "../shared/pose/transform";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { fakeProvider } from "./helpers/fake-provider";
import { BUILT_INS, json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { messiJpgStored } from "./helpers/images";
import { signUp } from "./helpers/users";

const b64 = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

async function r2Keys(prefix: string) {
  return (await env.IMAGES.list({ prefix })).objects.map((o) => o.key);
}

describe("pose generation", () => {
  it("1 avatar + 1 template → completed, one image; the provider got our exact skeleton PNG and the avatar", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-hand-on-hip"] });
    expect(started).toMatchObject({ totalPoses: 1, quality: "sd" });
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", progress: 100, successfulPoses: 1, failedPoses: 0 });
    expect(await r2Keys(`generations/${started.id}/`)).toEqual([
      `generations/${started.id}/builtin-hand-on-hip/base.jpg`,
    ]);

    const template = (await (await user.fetch("/api/v1/templates/builtin-hand-on-hip")).json()) as {
      keypoints: unknown;
    };
    const expected = renderSkeletonPng(letterboxPose(readOpenPose(template.keypoints).pose, 512, 768));
    const [seen, ...more] = await fakeProvider.requests(uid);
    expect(more).toHaveLength(0);
    expect(seen!.controlImage).toBe(b64(expected));
    expect(seen!.avatarImage).toBe(b64(messiJpgStored()));
    expect(seen!.prompt).toContain("a woman, aged 25-34");
    expect(seen!.prompt).toContain("pose: hand on hip");
    expect(seen!.negativePrompt).toContain("bad anatomy");

    const image = await user.fetch(done.poses[0]!.imageUrl!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const row = await env.DB.prepare(
      "select success, provider, attempts, prompt from generated_poses where generation_id = ?",
    )
      .bind(started.id)
      .first<{ success: number; provider: string; attempts: number; prompt: string }>();
    expect(row).toMatchObject({ success: 1, provider: "huggingface", attempts: 1 });
    const metric = await env.DB.prepare(
      "select success, attempts, estimated_cost_usd from pose_metrics where generation_id = ?",
    )
      .bind(started.id)
      .first<{ success: number }>();
    expect(metric).toMatchObject({ success: 1, attempts: 1 });
  });

  it("10 poses with ~30 % transient faults all succeed, progress streams to 100 %, and a redelivery adds nothing", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    await fakeProvider.faults([
      { kind: "loading", estimatedTime: 0.02, probability: 0.1, trace: uid },
      { kind: "rate_limit", retryAfter: 0, probability: 0.1, trace: uid },
      { kind: "error500", probability: 0.12, trace: uid },
      { kind: "non_image", probability: 0.05, trace: uid },
    ]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS });

    const ws = await user.fetch(`/api/v1/generations/${started.id}/live`, { headers: { upgrade: "websocket" } });
    expect(ws.status).toBe(101);
    const socket = ws.webSocket!;
    socket.accept();
    const progress: number[] = [];
    const finished = new Promise<void>((resolve) => {
      socket.addEventListener("message", (e) => {
        const msg = JSON.parse(e.data as string) as { state: GenerationState };
        progress.push(msg.state.progress);
        if (msg.state.status === "completed") resolve();
      });
    });
    await Promise.race([
      finished,
      new Promise((_, reject) => setTimeout(() => reject(new Error("no completion over WebSocket")), 30_000)),
    ]);
    socket.close();

    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 10, failedPoses: 0, progress: 100 });
    expect(progress.at(-1)).toBe(100);
    progress.forEach((p, i) => i > 0 && expect(p).toBeGreaterThanOrEqual(progress[i - 1]!));
    const calls = await fakeProvider.requests(uid);
    expect(calls.filter((r) => r.fault).length).toBeGreaterThan(0);
    expect(calls.length).toBeGreaterThan(10);

    // Redeliver a finished pose's message: no new provider call, row or object.
    const before = calls.length;
    await env.POSE_QUEUE.send({
      type: "pose",
      generationId: started.id,
      userId: uid,
      poseTemplateId: BUILT_INS[3]!,
      round: 0,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fakeProvider.requests(uid)).length).toBe(before);
    const rows = await env.DB.prepare("select count(*) as n from generated_poses where generation_id = ?")
      .bind(started.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(10);
    expect(await r2Keys(`generations/${started.id}/`)).toHaveLength(10);
  });

  it("permanent failures on 2 of 5 poses → partial with 3 images; after the fault clears, retry → completed with 5", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    await fakeProvider.faults([
      { kind: "bad_request", match: "pose: hand on hip", trace: uid },
      { kind: "bad_request", match: "pose: weight on one leg", trace: uid },
    ]);
    const ids = [
      "builtin-front-neutral",
      "builtin-hand-on-hip",
      "builtin-both-hands-hips",
      "builtin-three-quarter-turn",
      "builtin-contrapposto",
    ];
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ids });
    const partial = await waitForFinal(user, started.id);
    expect(partial).toMatchObject({ status: "partial", successfulPoses: 3, failedPoses: 2, progress: 100 });
    const failed = partial.poses.filter((p) => p.status === "failed");
    expect(failed.map((p) => p.poseTemplateId).sort()).toEqual(["builtin-contrapposto", "builtin-hand-on-hip"]);
    expect(failed[0]!.error).toMatch(/not valid/);
    expect(failed[0]!.attempts).toBe(1); // a 400 is not retried
    expect(await r2Keys(`generations/${started.id}/`)).toHaveLength(3);

    await fakeProvider.clear(uid);
    const retried = await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 5, failedPoses: 0 });
    expect(await r2Keys(`generations/${started.id}/`)).toHaveLength(5);
    const rows = await env.DB.prepare(
      "select count(*) as n, sum(success) as ok from generated_poses where generation_id = ?",
    )
      .bind(started.id)
      .first<{ n: number; ok: number }>();
    expect(rows).toEqual({ n: 5, ok: 5 });

    const zip = await user.fetch(`/api/v1/generations/${started.id}/download.zip`);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toHaveLength(5);
    for (const bytes of Object.values(files)) expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it("cancel mid-batch → no further provider calls", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // Slow, failing calls keep poses in their retry loops while we cancel.
    await fakeProvider.faults([{ kind: "error500", trace: uid }]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS });
    for (let i = 0; i < 50 && (await fakeProvider.requests(uid)).length < 3; i++)
      await new Promise((r) => setTimeout(r, 50));
    const cancelled = (await (
      await user.fetch(`/api/v1/generations/${started.id}/cancel`, { method: "POST" })
    ).json()) as GenerationState;
    expect(cancelled.status).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 300)); // calls already on the wire may land
    const atCancel = (await fakeProvider.requests(uid)).length;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await fakeProvider.requests(uid)).length).toBe(atCancel);
    const state = await waitForFinal(user, started.id);
    expect(state.status).toBe("cancelled");
    expect(state.poses.some((p) => p.status === "cancelled")).toBe(true);
  });
});

describe("generation access and validation", () => {
  it("another user gets 404 for read, live, cancel, retry, images and download", async () => {
    const owner = await signUp();
    const other = await signUp();
    const avatar = await uploadAvatar(owner);
    const started = await startGeneration(owner, { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"] });
    await waitForFinal(owner, started.id);
    const base = `/api/v1/generations/${started.id}`;
    for (const [method, path, headers] of [
      ["GET", base, {}],
      ["GET", `${base}/live`, { upgrade: "websocket" }],
      ["POST", `${base}/cancel`, {}],
      ["POST", `${base}/retry`, {}],
      ["GET", `${base}/poses/builtin-wave/image`, {}],
      ["GET", `${base}/download.zip`, {}],
    ] as const) {
      const res = await other.fetch(path, { method, headers });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    const list = (await (await other.fetch("/api/v1/generations")).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
    const mine = (await (await owner.fetch("/api/v1/generations")).json()) as { items: { id: string }[] };
    expect(mine.items.map((g) => g.id)).toEqual([started.id]);
  });

  it("answers bad requests with 4xx JSON", async () => {
    const user = await signUp();
    const other = await signUp();
    const avatar = await uploadAvatar(user);
    const othersAvatar = await uploadAvatar(other);
    const privateTemplate = await other.fetch(
      "/api/v1/templates",
      json("POST", {
        name: "secret",
        keypoints: (await (await other.fetch("/api/v1/templates/builtin-wave/openpose.json")).json()) as unknown,
      }),
    );
    const privateId = ((await privateTemplate.json()) as { id: string }).id;
    const cases: [string, Record<string, unknown>, number, string][] = [
      ["an unknown avatar", { avatarId: "nope", poseTemplateIds: ["builtin-wave"] }, 404, "avatar_not_found"],
      [
        "someone else's avatar",
        { avatarId: othersAvatar.id, poseTemplateIds: ["builtin-wave"] },
        404,
        "avatar_not_found",
      ],
      [
        "another user's private template",
        { avatarId: avatar.id, poseTemplateIds: [privateId] },
        404,
        "template_not_found",
      ],
      ["0 poses", { avatarId: avatar.id, poseTemplateIds: [] }, 400, "invalid_request"],
      [
        "101 poses",
        { avatarId: avatar.id, poseTemplateIds: Array.from({ length: 101 }, (_, i) => `t${i}`) },
        400,
        "too_many_poses",
      ],
      [
        "an unknown quality",
        { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"], quality: "4k" },
        400,
        "invalid_request",
      ],
      [
        "a repeated pose",
        { avatarId: avatar.id, poseTemplateIds: ["builtin-wave", "builtin-wave"] },
        400,
        "invalid_request",
      ],
      [
        "an unconfigured provider",
        { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"], provider: "modelslab" },
        400,
        "unknown_provider",
      ],
      [
        "an unknown field",
        { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"], userId: "x" },
        400,
        "invalid_request",
      ],
    ];
    for (const [what, body, status, code] of cases) {
      const res = await user.fetch("/api/v1/generations", json("POST", body));
      expect(res.status, what).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe(code);
    }
    const none = (await (await user.fetch("/api/v1/generations")).json()) as { items: unknown[] };
    expect(none.items).toHaveLength(0);
  });

  it("says plainly when no provider is configured", async () => {
    const res = await (await import("cloudflare:test")).SELF.fetch("http://127.0.0.1/api/v1/providers");
    const status = (await res.json()) as { configured: boolean; localOnly: boolean; message: string };
    expect(status).toMatchObject({ configured: true, localOnly: true });
    expect(status.message).toMatch(/local test provider/);
  });
});
