import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import type { Pose } from "../shared/pose/model";
import { retryIfDrifted } from "../worker/quality/auto-retry";
import { recordQualityScore } from "../worker/quality/record-score";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

const POSE = "builtin-front-neutral";

describe("POSE_AUTO_RETRY", () => {
  it("tries a pose a provider's detector found drifted again, once, and only when the setting is on", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: [POSE] });
    await waitForFinal(user, started.id);
    const key = { userId: uid, generationId: started.id, poseTemplateId: POSE };
    const view = (await (
      await user.fetch(`/api/v1/generations/${started.id}?include=requestedPose`)
    ).json()) as GenerationState;
    const requested = view.poses[0]!.requestedPose as Pose;
    // What a provider's detector would report on a flipped picture.
    const flipped: Pose = {
      ...requested,
      people: requested.people.map((p) => ({
        ...p,
        body: p.body.map((k) => k && { ...k, x: requested.canvasWidth - k.x }),
      })),
    };
    const recorded = await recordQualityScore(env, key, flipped, "provider");
    expect(recorded!.drifted).toBe(true);

    const on = { ...env, POSE_AUTO_RETRY: "1" } as Env;
    expect(await retryIfDrifted(env, key, recorded!.score, "provider")).toBe(false);
    expect(await retryIfDrifted(on, key, recorded!.score, "browser")).toBe(false);
    expect(await retryIfDrifted(on, key, 0.9, "provider")).toBe(false);
    expect((await waitForFinal(user, started.id)).poses[0]!.imageUrl).not.toContain("take");

    expect(await retryIfDrifted(on, key, recorded!.score, "provider")).toBe(true);
    const again = await waitForFinal(user, started.id);
    expect(again.poses[0]!.imageUrl).toContain("?take=");
    // Once per pose: the new image, found drifted again, is not tried a third time by the server.
    await recordQualityScore(env, key, flipped, "provider");
    expect(await retryIfDrifted(on, key, recorded!.score, "provider")).toBe(false);
    // The owner still may.
    expect((await user.fetch(`/api/v1/generations/${started.id}/poses/${POSE}/retry`, { method: "POST" })).status).toBe(
      200,
    );
    await waitForFinal(user, started.id);
  });
});
