import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CREDITS_PER_CANDIDATE, CREDITS_PER_POSE, WELCOME_CREDITS, type Credits } from "../shared/api/credits";
import { grantCredits } from "../worker/credits/ledger";
import { fakeProvider } from "./helpers/fake-provider";
import { BUILT_INS, json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp, type TestUser } from "./helpers/users";

const credits = async (user: TestUser) => (await (await user.fetch("/api/v1/credits")).json()) as Credits;
const makeOperator = async (user: TestUser) =>
  env.DB.prepare("update users set role = 'admin' where id = ?")
    .bind(await userId(user))
    .run();

describe("credits", () => {
  it("a new account has its welcome credits; a generation reserves per pose by quality and refunds failed poses", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const start = await credits(user);
    expect(start).toMatchObject({
      balance: WELCOME_CREDITS,
      posesToday: 0,
      prices: { ...CREDITS_PER_POSE, candidate: CREDITS_PER_CANDIDATE },
    });
    expect(start.recent).toEqual([expect.objectContaining({ kind: "welcome", amount: WELCOME_CREDITS })]);

    const avatar = await uploadAvatar(user);
    await fakeProvider.faults([{ kind: "bad_request", trace: `${uid}/`, match: "pose: hand on hip" }]);
    const hd = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: BUILT_INS.slice(0, 3),
      quality: "hd",
    });
    // Reserved up front, before any pose is made.
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS - 3 * CREDITS_PER_POSE.hd);
    expect(await waitForFinal(user, hd.id)).toMatchObject({ status: "partial", successfulPoses: 2, failedPoses: 1 });
    const after = await credits(user);
    expect(after.balance).toBe(WELCOME_CREDITS - 2 * CREDITS_PER_POSE.hd);
    expect(after.posesToday).toBe(2);
    expect(after.recent.map((e) => [e.kind, e.amount, e.poses])).toEqual([
      ["refund", CREDITS_PER_POSE.hd, -1],
      ["reserve", -3 * CREDITS_PER_POSE.hd, 3],
      ["welcome", WELCOME_CREDITS, 0],
    ]);

    // A retry reserves the failed pose again, and refunds it again when it fails again.
    const retried = await user.fetch(`/api/v1/generations/${hd.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS - 3 * CREDITS_PER_POSE.hd);
    expect(await waitForFinal(user, hd.id)).toMatchObject({ status: "partial", failedPoses: 1 });
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS - 2 * CREDITS_PER_POSE.hd);

    // SD costs less.
    const sd = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: [BUILT_INS[0]], quality: "sd" });
    await waitForFinal(user, sd.id);
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS - 2 * CREDITS_PER_POSE.hd - CREDITS_PER_POSE.sd);
  });

  it("cancelling refunds the poses not yet made", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // Every pose hangs at the provider, so nothing finishes before the cancel.
    await fakeProvider.faults([{ kind: "hang", trace: `${uid}/`, times: 100 }]);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(0, 4) });
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS - 4);
    const cancelled = await user.fetch(`/api/v1/generations/${started.id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect((await credits(user)).balance).toBe(WELCOME_CREDITS);
    await fakeProvider.clear(`${uid}/`);
  });

  it("out of credits is a 402 and the daily limit a 429 with Retry-After; nothing is created or spent", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    await grantCredits(env, { userId: uid, amount: -(WELCOME_CREDITS - 5), note: "test: spend down", by: uid });
    const broke = await user.fetch(
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(0, 2), quality: "hd" }),
    );
    expect(broke.status).toBe(402);
    const body = (await broke.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe("insufficient_credits");
    expect(body.error.message).toContain("2 HD poses cost 6 and you have 5");
    expect(body.error.details).toEqual({ cost: 6, balance: 5 });
    const list = (await (await user.fetch("/api/v1/generations")).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    expect((await credits(user)).balance).toBe(5);

    await env.DB.prepare("update users set daily_pose_limit = 3 where id = ?").bind(uid).run();
    const first = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(0, 2) });
    await waitForFinal(user, first.id);
    const limited = await user.fetch(
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(2, 4) }),
    );
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    const limitBody = (await limited.json()) as { error: { code: string; message: string } };
    expect(limitBody.error.code).toBe("daily_limit_reached");
    expect(limitBody.error.message).toContain("3 poses a day, have used 2 today, and asked for 2");
    expect((await credits(user)).balance).toBe(3);
  });

  it("two requests at once cannot spend the same credits", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    await grantCredits(env, { userId: uid, amount: -(WELCOME_CREDITS - 3), note: "test: spend down", by: uid });
    const results = await Promise.all(
      [0, 2, 4, 6].map((i) =>
        user.fetch(
          "/api/v1/generations",
          json("POST", { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(i, i + 2) }),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 402, 402, 402]);
    expect((await credits(user)).balance).toBe(1);
  });

  it("operators grant credits and set daily limits; others get a 403 and bad grants a 400", async () => {
    const operator = await signUp();
    const shopper = await signUp();
    const grant = { email: shopper.email, amount: 500, note: "Launch promotion" };
    expect((await shopper.fetch("/api/v1/credits/grants", json("POST", grant))).status).toBe(403);
    await makeOperator(operator);
    const res = await operator.fetch("/api/v1/credits/grants", json("POST", { ...grant, dailyPoseLimit: 50 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: shopper.email,
      balance: WELCOME_CREDITS + 500,
      dailyPoseLimit: 50,
    });
    const mine = await credits(shopper);
    expect(mine).toMatchObject({ balance: WELCOME_CREDITS + 500, dailyPoseLimit: 50 });
    expect(mine.recent[0]).toMatchObject({ kind: "grant", amount: 500, note: "Launch promotion" });

    const bad = [
      { email: shopper.email },
      { email: shopper.email, amount: 0 },
      { email: "not-an-email", amount: 5 },
      { email: shopper.email, amount: 1.5 },
      { email: shopper.email, dailyPoseLimit: -1 },
    ];
    for (const body of bad)
      expect((await operator.fetch("/api/v1/credits/grants", json("POST", body))).status).toBe(400);
    const nobody = await operator.fetch(
      "/api/v1/credits/grants",
      json("POST", { email: "nobody@example.com", amount: 5 }),
    );
    expect(nobody.status).toBe(404);
    expect(((await await nobody.json()) as { error: { code: string } }).error.code).toBe("user_not_found");
  });

  it("avatar candidates from text cost a credit each; candidates that fail are refunded; short of credits is a 402", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const ask = (count: number, requestId: string) =>
      user.fetch("/api/v1/avatars/generate", {
        ...json("POST", { prompt: "a shop model in a blue dress", count, seed: 3 }),
        headers: { "content-type": "application/json", "x-request-id": requestId },
      });
    // The second candidate (seed 4) keeps failing.
    await fakeProvider.faults([{ kind: "error500", trace: `${uid}/avatar/credit-case/1.` }]);
    const partial = await ask(2, "credit-case");
    expect(partial.status).toBe(200);
    expect(((await partial.json()) as { failed: unknown[] }).failed).toHaveLength(1);
    const after = await credits(user);
    expect(after.balance).toBe(WELCOME_CREDITS - CREDITS_PER_CANDIDATE);
    expect(after.posesToday).toBe(0);
    expect(after.recent.slice(0, 2).map((e) => [e.kind, e.amount, e.note])).toEqual([
      ["refund", CREDITS_PER_CANDIDATE, "1 candidate not made"],
      ["reserve", -2 * CREDITS_PER_CANDIDATE, "2 avatar candidates"],
    ]);

    await grantCredits(env, { userId: uid, amount: -(after.balance - 1), note: "test: spend down", by: uid });
    const short = await ask(2, "short-case");
    expect(short.status).toBe(402);
    expect(((await short.json()) as { error: { message: string } }).error.message).toContain(
      "2 avatar candidates cost 2 and you have 1",
    );
    expect((await credits(user)).balance).toBe(1);
  });
});
