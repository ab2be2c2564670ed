// What a pose may cost in provider calls. A pose that fails after a paid call (a later stage, a
// crash and redelivery, or a retry) resumes from its last stored stage image instead of paying
// again, and no pose makes more than POSE_MAX_PROVIDER_CALLS calls across all its rounds.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Metrics } from "../shared/api/metrics";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { astronautPng } from "./helpers/images";
import { signUp } from "./helpers/users";

const POSE = "builtin-front-neutral";
/** Pose-stage calls (SD): the ones the provider bills for a new image. */
const poseCalls = async (uid: string, generationId: string) =>
  (await fakeProvider.requests(`${uid}/${generationId}/`)).filter((r) => r.path.startsWith("/hf/sd"));

describe("provider spend per pose", () => {
  it("a pose that fails after its paid call resumes from the stored image: the pose stage is paid once across redeliveries and a retry", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const form = new FormData();
    form.set("file", new File([astronautPng()], "bg.png", { type: "image/png" }));
    const background = (await (await user.fetch("/api/v1/backgrounds", { method: "POST", body: form })).json()) as {
      id: string;
    };
    // The picture goes missing behind its row: the background stage fails after the pose was paid for.
    const row = await env.DB.prepare("select image_key from background_images where id = ?")
      .bind(background.id)
      .first<{ image_key: string }>();
    await env.IMAGES.delete(row!.image_key);

    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: [POSE],
      backgroundSettings: { mode: "image", backgroundId: background.id },
    });
    expect(await waitForFinal(user, started.id, 60_000)).toMatchObject({ status: "failed" });
    expect(await env.IMAGES.head(`generations/${started.id}/${POSE}/base.jpg`)).not.toBeNull();
    const retried = await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    expect(await waitForFinal(user, started.id, 60_000)).toMatchObject({ status: "failed" });
    // Every pose-stage call is one of the first delivery's attempts in round 0 (0.1, 0.2, … — more
    // than one only if a call timed out on a busy machine): none from a redelivery or the retry.
    const traces = (await poseCalls(uid, started.id)).map((r) => r.trace.split("/").pop());
    expect(traces).toEqual(traces.map((_, i) => `0.${i + 1}`));
  }, 120_000);

  it(`no pose makes more than POSE_MAX_PROVIDER_CALLS provider calls across its rounds; metrics count them`, async () => {
    const cap = Number(env.POSE_MAX_PROVIDER_CALLS);
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // Every call fails transiently: each round spends all its attempts.
    await fakeProvider.faults([{ kind: "error500", trace: `${uid}/`, times: 1000 }]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: [POSE] });
    let state = await waitForFinal(user, started.id, 60_000);
    for (let round = 0; round < 4; round++) {
      expect((await user.fetch(`/api/v1/generations/${started.id}/retry`, { method: "POST" })).status).toBe(200);
      state = await waitForFinal(user, started.id, 60_000);
    }
    const calls = await poseCalls(uid, started.id);
    expect(calls.length).toBeLessThanOrEqual(cap);
    expect(calls.length).toBeGreaterThan(cap / 2);
    expect(state.poses[0]!.error).toMatch(new RegExp(`limit of ${cap} provider calls`));
    const metrics = (await (await user.fetch("/api/v1/metrics")).json()) as Metrics & {
      poses: { providerCalls: number; cappedPoses: number };
    };
    expect(metrics.poses.providerCalls).toBe(calls.length);
    expect(metrics.poses.cappedPoses).toBe(1);
    await fakeProvider.clear(`${uid}/`);
  }, 120_000);
});
