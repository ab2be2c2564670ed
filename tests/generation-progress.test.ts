import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { WELCOME_CREDITS, type Credits } from "../shared/api/credits";
import type { GenerationState } from "../shared/api/generations";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp, type TestUser } from "./helpers/users";

const THREE = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-contrapposto"];
const balance = async (user: TestUser) => ((await (await user.fetch("/api/v1/credits")).json()) as Credits).balance;
const read = async (user: TestUser, id: string) =>
  (await (await user.fetch(`/api/v1/generations/${id}`)).json()) as GenerationState;
const setLatency = (latencyMs: number) =>
  fetch(`${env.FAKE_PROVIDER_URL}/__fake/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });

afterEach(async () => {
  await setLatency(0);
});

describe("generation progress", () => {
  it("a cancel counts made and cancelled poses apart; retry resumes the cancelled ones, reserved and spent", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // One pose meets a model loading for a minute: it goes back to the queue while the others are made.
    await fakeProvider.faults([{ kind: "loading", trace: `${uid}/`, match: "pose: hand on hip", estimatedTime: 60 }]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: THREE });
    const deadline = Date.now() + 30_000;
    while ((await read(user, started.id)).successfulPoses < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));

    const cancelled = (await (
      await user.fetch(`/api/v1/generations/${started.id}/cancel`, { method: "POST" })
    ).json()) as GenerationState;
    expect(cancelled).toMatchObject({ status: "cancelled", successfulPoses: 2, failedPoses: 0, stageProgress: 66 });
    expect(cancelled.poses.map((p) => p.status)).toEqual(["succeeded", "cancelled", "succeeded"]);
    expect(await balance(user)).toBe(WELCOME_CREDITS - 2);

    await fakeProvider.clear(`${uid}/`);
    const resumed = await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" });
    expect(resumed.status).toBe(200);
    expect(((await resumed.json()) as GenerationState).status).toBe("running");
    // Reserved before it runs.
    expect(await balance(user)).toBe(WELCOME_CREDITS - 3);
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 3, progress: 100, stageProgress: 100 });
    expect(await balance(user)).toBe(WELCOME_CREDITS - 3);
    // A second retry finds nothing to run and reserves nothing.
    expect((await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" })).status).toBe(200);
    expect(await balance(user)).toBe(WELCOME_CREDITS - 3);
  });

  it("streams each pose's stage and a bar that moves stage by stage", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    await setLatency(300);
    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: ["builtin-front-neutral"],
      backgroundSettings: { mode: "scene", scene: "office" },
      professionTheme: "doctor",
    });
    const ws = await user.fetch(`/api/v1/generations/${started.id}/live`, { headers: { upgrade: "websocket" } });
    const socket = ws.webSocket!;
    socket.accept();
    const seen: { stage: string | null | undefined; stagesDone?: number; stageProgress?: number }[] = [];
    const finished = new Promise<void>((resolve) => {
      socket.addEventListener("message", (e) => {
        const { state } = JSON.parse(e.data as string) as { state: GenerationState };
        const pose = state.poses[0]!;
        seen.push({ stage: pose.stage, stagesDone: pose.stagesDone, stageProgress: state.stageProgress });
        if (state.status === "completed") resolve();
      });
    });
    await Promise.race([
      finished,
      new Promise((_, reject) => setTimeout(() => reject(new Error("no completion over WebSocket")), 30_000)),
    ]);
    socket.close();

    const stages = seen.map((s) => s.stage).filter((s, i, all) => s && s !== all[i - 1]);
    expect(stages).toEqual(["pose", "background", "theme"]);
    const bar = seen.map((s) => s.stageProgress!);
    expect(bar).toEqual(expect.arrayContaining([33, 66]));
    expect(bar.at(-1)).toBe(100);
    bar.forEach((p, i) => i > 0 && expect(p).toBeGreaterThanOrEqual(bar[i - 1]!));
    const done = await read(user, started.id);
    expect(done.poses[0]).toMatchObject({ status: "succeeded", stage: null, stagesDone: 3, stageCount: 3 });
  });
});
