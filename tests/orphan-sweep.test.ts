import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../worker/index";
import { r2Keys } from "../worker/storage/r2-keys";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { keysUnder } from "./helpers/user-data";
import { signUp } from "./helpers/users";

const HOUR = 3_600_000;

async function runCron(scheduledTime: number) {
  const controller = createScheduledController({ scheduledTime, cron: "23 * * * *" });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("the hourly sweep of R2 objects whose row is gone", () => {
  it("removes old orphans, and leaves young orphans, shared scenes and every key of a live row alone", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const generation = await waitForFinal(
      user,
      (await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-hand-on-hip"] })).id,
    );
    const gone = crypto.randomUUID();
    const orphans = [
      r2Keys.avatarOriginal(uid, gone, "image/jpeg"),
      r2Keys.avatarThumbnail(uid, gone),
      r2Keys.avatarCutout(uid, gone),
      r2Keys.backgroundImage(uid, gone, "image/png"),
      r2Keys.avatarCandidate(uid, gone, "image/png"),
      r2Keys.templatePreview(gone),
      r2Keys.generationImage(gone, "builtin-hand-on-hip", "base"),
      r2Keys.generationPng(gone, "builtin-hand-on-hip", "background"),
    ];
    for (const key of orphans) await env.IMAGES.put(key, new Uint8Array([0]));
    const scene = r2Keys.scene("cafe", 512, 768);
    await env.IMAGES.put(scene, new Uint8Array([0]));
    // A built-in template's preview is rendered into R2 on first request; its row is live.
    expect((await user.fetch("/api/v1/templates/builtin-hand-on-hip/preview.png")).status).toBe(200);
    const livePrefixes = [
      `avatars/${uid}/${avatar.id}/`,
      `generations/${generation.id}/`,
      "templates/builtin-hand-on-hip/",
    ];
    const live = await keysUnder(livePrefixes);
    expect(live.length).toBe(4);

    // Young orphans stay: a row may still be on its way (uploads write R2 before D1).
    await runCron(Date.now());
    expect(await keysUnder(orphans)).toEqual([...orphans].sort());

    // Seven hours on: the orphans go, everything a live row names stays.
    await runCron(Date.now() + 7 * HOUR);
    expect(await keysUnder(orphans)).toEqual([]);
    expect(await keysUnder(livePrefixes)).toEqual(live);
    expect(await keysUnder([scene])).toEqual([scene]);
  });
});
