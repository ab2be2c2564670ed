// The built-in instant engine as a pose provider: with no AI vendor configured a generation runs
// instant poses end to end (its picture kept as instant.png, its exact mask used by the background
// stage, 0 credits); an AI failure never turns into an instant pose; an avatar without a rig is a
// 422; GET /providers reports the AI vendors and the instant engine apart. The engine itself is
// shared/instant's; here a counted stand-in is injected (tests/helpers/test-instant-engine.ts).
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDITS_PER_POSE } from "../shared/api/credits";
import type { GenerationState } from "../shared/api/generations";
import type { Metrics } from "../shared/api/metrics";
import type { ProviderStatus } from "../shared/api/providers";
import { readOpenPose } from "../shared/pose/openpose-json";
import { letterboxPose } from "../shared/pose/transform";
import { decodeRgba, encodePng } from "../worker/images/rgba";
import { useInstantEngine } from "../worker/providers/instant/draw";
import { fakeProvider } from "./helpers/fake-provider";
import { pngClaiming } from "./helpers/images";
import { seededRandom } from "./helpers/interleave";
import { raceOnce, type Scenario } from "./helpers/pose-credit-race";
import { json, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { testInstantEngine } from "./helpers/test-instant-engine";
import { signUp, type TestUser } from "./helpers/users";
import { asUserWithoutAi } from "./helpers/without-ai";

const POSE = "builtin-hand-on-hip";
const { engine, calls } = testInstantEngine();
beforeAll(() => useInstantEngine(engine));
afterAll(() => useInstantEngine(null));

const asUser = asUserWithoutAi;

async function bytesAt(key: string) {
  const object = await env.IMAGES.get(key);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

/** An avatar whose rig (the astronaut's cut-out and a standing pose in its pixels) is stored. */
async function riggedAvatar(user: TestUser) {
  const avatar = await uploadAvatar(user);
  const template = (await (await user.fetch("/api/v1/templates/builtin-front-neutral")).json()) as {
    keypoints: unknown;
  };
  const pose = letterboxPose(readOpenPose(template.keypoints).pose, 512, 512);
  const key = `avatars/${await userId(user)}/${avatar.id}/rig.png`;
  await env.IMAGES.put(key, new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG));
  await env.DB.prepare("update avatars set rig_key = ?, rig_pose = ? where id = ?")
    .bind(key, JSON.stringify(pose), avatar.id)
    .run();
  return avatar;
}

/** Replaces the avatar's rig image (its pose stays). */
async function replaceRigImage(avatarId: string, png: Uint8Array) {
  const row = await env.DB.prepare("select rig_key from avatars where id = ?")
    .bind(avatarId)
    .first<{ rig_key: string }>();
  await env.IMAGES.put(row!.rig_key, png);
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe("instant poses", () => {
  it("with no AI vendor, a generation runs instant poses: the engine's picture, its exact mask, no AI call", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await riggedAvatar(user);
    const before = calls.draw;
    const res = await asUser(
      user,
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE], backgroundSettings: { mode: "remove" } }),
    );
    expect(res.status).toBe(202);
    const started = (await res.json()) as GenerationState;
    expect(started.provider).toBe("instant");
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 1, provider: "instant" });
    expect(done.poses[0]).toMatchObject({ provider: "instant", providerLabel: "Instant (no AI)" });
    expect(calls.draw).toBe(before + 1);
    expect(await fakeProvider.requests(uid)).toEqual([]);

    // The engine's own picture is kept; the pose stage is it over the studio backdrop.
    const prefix = `generations/${started.id}/${POSE}`;
    const instant = decodeRgba((await bytesAt(`${prefix}/instant.png`))!);
    expect([instant.width, instant.height]).toEqual([512, 768]);
    const base = decodeRgba((await bytesAt(`${prefix}/base.jpg`))!);
    let person = 0;
    for (let i = 0; i < instant.width * instant.height; i++) {
      // Nearly opaque (the fixture's cut-out tops out at 254): the backdrop barely shows through.
      if (instant.data[i * 4 + 3]! < 250) continue;
      person++;
      for (let c = 0; c < 3; c++) expect(Math.abs(base.data[i * 4 + c]! - instant.data[i * 4 + c]!)).toBeLessThan(40);
    }
    expect(person).toBeGreaterThan(5000);
    // Background removed with the engine's exact mask: the cut-out's alpha is the engine's, pixel for pixel.
    const cut = decodeRgba((await bytesAt(`${prefix}/background.png`))!);
    let differing = 0;
    for (let i = 0; i < cut.width * cut.height; i++) if (cut.data[i * 4 + 3] !== instant.data[i * 4 + 3]) differing++;
    expect(differing).toBe(0);

    const row = await env.DB.prepare(
      "select provider, estimated_cost_usd cost, provider_calls calls from pose_metrics where generation_id = ?",
    )
      .bind(started.id)
      .first<{ provider: string; cost: number; calls: number }>();
    expect(row).toEqual({ provider: "instant", cost: 0, calls: 0 });
    const metrics = (await (await user.fetch("/api/v1/metrics")).json()) as Metrics;
    expect(metrics.byProvider).toEqual([
      expect.objectContaining({ provider: "instant", attempts: 1, succeeded: 1, costUsd: 0 }),
    ]);
  });

  it("instant poses cost 0 credits: reserved like any pose, refunded in full at settlement, still counted", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await riggedAvatar(user);
    const balance = async () =>
      Number(
        (await env.DB.prepare("select coalesce(sum(amount), 0) b from credit_ledger where user_id = ?")
          .bind(uid)
          .first<{ b: number }>())!.b,
      );
    const start = await balance();
    const res = await asUser(
      user,
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE, "builtin-front-neutral"], quality: "hd" }),
    );
    expect(res.status).toBe(202);
    const id = ((await res.json()) as GenerationState).id;
    expect(await waitForFinal(user, id)).toMatchObject({ status: "completed", successfulPoses: 2 });
    const entries = await env.DB.prepare(
      "select kind, amount, poses, note from credit_ledger where generation_id = ? order by kind, pose_template_id",
    )
      .bind(id)
      .all<{ kind: string; amount: number; poses: number; note: string }>();
    const price = CREDITS_PER_POSE.hd;
    expect(entries.results).toEqual([
      { kind: "refund", amount: price, poses: 0, note: "pose made by the instant engine (no AI): no charge" },
      { kind: "refund", amount: price, poses: 0, note: "pose made by the instant engine (no AI): no charge" },
      { kind: "reserve", amount: -price, poses: 1, note: "2 HD poses" },
      { kind: "reserve", amount: -price, poses: 1, note: "2 HD poses" },
    ]);
    expect(await balance()).toBe(start);
  });

  it("an AI vendor that fails fails the pose with its own reason: never an instant pose instead", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await riggedAvatar(user);
    await fakeProvider.faults([{ kind: "bad_request", trace: uid }]);
    const before = calls.draw;
    const res = await user.fetch("/api/v1/generations", json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE] }));
    expect(res.status).toBe(202);
    const started = (await res.json()) as GenerationState;
    expect(started.provider).toBeNull();
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "failed", failedPoses: 1 });
    expect(done.poses[0]).toMatchObject({
      provider: "huggingface",
      providerLabel: "Hugging Face",
      error: expect.stringContaining("not valid for this model"),
    });
    // The engine drew once, as the AI's starting picture (its skeleton is the AI's control image),
    // and that picture stays marked as a start: it is not the pose's result.
    expect(calls.draw).toBe(before + 1);
    const start = await env.IMAGES.get(`generations/${started.id}/${POSE}/instant.png`);
    expect(start?.customMetadata?.start).toBe("true");
    await fakeProvider.clear(uid);
  });

  it("the user may pick instant while an AI vendor is configured; an unknown provider is still a 400", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await riggedAvatar(user);
    const res = await user.fetch(
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE], provider: "instant" }),
    );
    expect(res.status).toBe(202);
    const done = await waitForFinal(user, ((await res.json()) as GenerationState).id);
    expect(done.poses[0]).toMatchObject({ status: "succeeded", provider: "instant" });
    expect(await fakeProvider.requests(uid)).toEqual([]);
    const unknown = await user.fetch(
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE], provider: "dalle" }),
    );
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toBe(
      'Provider "dalle" is not configured. Configured: huggingface, instant.',
    );
  });

  it("a rig the engine cannot use fails the pose saying what to fix, checked before decoding", async () => {
    const user = await signUp();
    const empty = await riggedAvatar(user);
    await replaceRigImage(empty.id, encodePng({ width: 64, height: 96, data: new Uint8Array(64 * 96 * 4) }));
    const huge = await riggedAvatar(user);
    await replaceRigImage(huge.id, pngClaiming(20_000, 20_000));
    const cases = [
      [empty.id, /cut-out is empty\. Open the avatar and correct its pose\./],
      [huge.id, /rig image is too large: open the avatar and detect its pose again/],
    ] as const;
    for (const [avatarId, reason] of cases) {
      const res = await user.fetch(
        "/api/v1/generations",
        json("POST", { avatarId, poseTemplateIds: [POSE], provider: "instant" }),
      );
      expect(res.status).toBe(202);
      const done = await waitForFinal(user, ((await res.json()) as GenerationState).id);
      expect(done).toMatchObject({ status: "failed", failedPoses: 1 });
      expect(done.poses[0]).toMatchObject({ provider: "instant", error: expect.stringMatching(reason) });
    }
  });

  it("an avatar without a rig is a 422 avatar_rig_missing that says to detect its pose", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    for (const res of [
      await asUser(user, "/api/v1/generations", json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE] })),
      await user.fetch(
        "/api/v1/generations",
        json("POST", { avatarId: avatar.id, poseTemplateIds: [POSE], provider: "instant" }),
      ),
    ]) {
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe("avatar_rig_missing");
      expect(error.message).toMatch(/open the avatar and detect its pose/);
    }
  });
});

describe("GET /api/v1/providers", () => {
  it("reports the AI vendors and the instant engine apart", async () => {
    const user = await signUp();
    const withAi = (await (await user.fetch("/api/v1/providers")).json()) as ProviderStatus;
    expect(withAi).toMatchObject({
      configured: true,
      providers: [{ name: "huggingface", label: "Hugging Face", local: true }],
      instant: { name: "instant", label: "Instant (no AI)", available: true, creditsPerPose: 0, isDefault: false },
    });
    const none = (await (await asUser(user, "/api/v1/providers")).json()) as ProviderStatus;
    expect(none).toMatchObject({
      configured: false,
      localOnly: false,
      providers: [],
      instant: { name: "instant", available: true, creditsPerPose: 0, isDefault: true },
    });
    expect(none.message).toMatch(/^No AI provider: instant \(no AI\) poses only — to add one: Set HF_TOKEN/);
  });
});

describe("instant credits under races", () => {
  const made = (random: () => number) => (random() < 0.5 ? "instant" : "huggingface");

  it("seeded interleavings of outcomes by instant and AI, retries and cancels: only AI poses are charged", async () => {
    const seed = Number(process.env.CREDIT_RACE_SEED ?? 20261201);
    const random = seededRandom(seed);
    // Mostly SD, 1–4 poses, a little spare balance (retries may be refused), as the credit races.
    const scenarios = Array.from({ length: Number(process.env.CREDIT_RACE_RUNS ?? 80) }, (): Scenario => {
      const [s, p, q, spare] = [random(), random(), random(), random()];
      return {
        seed: Math.floor(s * 2 ** 31),
        poses: 1 + Math.floor(p * 4),
        quality: q < 0.7 ? "sd" : "hd",
        spare: Math.floor(spare * 8),
      };
    });
    const broken: unknown[] = [];
    let instantMade = 0;
    for (const scenario of scenarios) {
      const r = await raceOnce(scenario, { provider: made });
      instantMade += r.succeeded - r.charged;
      const exact = r.balance === r.expectedBalance && r.overRefunded.length === 0 && r.posesCounted === r.succeeded;
      if (!exact) broken.push({ scenario, balance: r.balance, expected: r.expectedBalance, charged: r.charged });
    }
    console.log(`instant credit races: seed ${seed}, ${scenarios.length} interleavings, ${instantMade} instant poses`);
    expect(instantMade).toBeGreaterThan(0);
    expect(broken.slice(0, 3)).toEqual([]);
  }, 300_000);

  it("a generation made only by the instant engine ends where it started", async () => {
    const r = await raceOnce({ seed: 7, poses: 4, quality: "hd", spare: 0 }, { provider: () => "instant" });
    expect(r.succeeded).toBeGreaterThan(0);
    expect(r.charged).toBe(0);
    expect(r.balance).toBe(r.expectedBalance);
    expect(r.overRefunded).toEqual([]);
  });
});
