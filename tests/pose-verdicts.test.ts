import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CREDITS_PER_POSE, type Credits } from "../shared/api/credits";
import type { GenerationState, PoseState } from "../shared/api/generations";
import type { Pose } from "../shared/pose/model";
import { poseScore } from "../shared/pose/pose-score";
import { fakeProvider } from "./helpers/fake-provider";
import { json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp, type TestUser } from "./helpers/users";

const POSE = "builtin-hand-on-hip";
const credits = async (user: TestUser) => ((await (await user.fetch("/api/v1/credits")).json()) as Credits).balance;
const verdictUrl = (id: string, what: string) => `/api/v1/generations/${id}/poses/${POSE}/${what}`;

/** The pose's view with its requested skeleton. */
async function poseView(user: TestUser, id: string): Promise<PoseState> {
  const res = await user.fetch(`/api/v1/generations/${id}?include=requestedPose`);
  expect(res.status).toBe(200);
  return ((await res.json()) as GenerationState).poses[0]!;
}

/** The picture flipped left to right, as a detector would report it (labels as they appear). */
const flipped = (pose: Pose): Pose => ({
  ...pose,
  people: pose.people.map((p) => ({ ...p, body: p.body.map((k) => k && { ...k, x: pose.canvasWidth - k.x }) })),
});

async function made(user: TestUser) {
  const avatar = await uploadAvatar(user);
  const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: [POSE] });
  expect(await waitForFinal(user, started.id)).toMatchObject({ status: "completed" });
  return started.id;
}

const storedRow = (id: string) =>
  env.DB.prepare(
    "select quality_score, quality_source, quality_detection, requested_pose, rating, output_key, success from generated_poses where generation_id = ?",
  )
    .bind(id)
    .first<{
      quality_score: number | null;
      quality_source: string | null;
      quality_detection: string | null;
      requested_pose: string;
      rating: number | null;
      output_key: string;
      success: number;
    }>();

/** Posts a detection with the score it really gives: the pose is drifted afterwards. */
async function markDrifted(user: TestUser, id: string, requested: Pose) {
  const detection = flipped(requested);
  const res = await user.fetch(
    verdictUrl(id, "quality"),
    json("PUT", { detection, score: poseScore(requested, detection) }),
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ drifted: true, qualitySource: "browser" });
}

describe("a result's pose score, posted by the browser", () => {
  it("is recomputed and stored by the server; a lying score is a 422; bad detections are 4xx", async () => {
    const user = await signUp();
    const id = await made(user);
    const fresh = await poseView(user, id);
    expect(fresh).toMatchObject({ qualityScore: null, qualitySource: null, drifted: false, rating: null });
    const requested = fresh.requestedPose as Pose;
    expect(requested.people[0]!.body.filter(Boolean).length).toBeGreaterThan(10);

    // Slightly off: the right wrist 12 px away.
    const detection: Pose = {
      ...requested,
      people: [
        {
          ...requested.people[0]!,
          body: requested.people[0]!.body.map((k, i) => (k && i === 4 ? { ...k, x: k.x + 12 } : k)),
        },
      ],
    };
    const score = poseScore(requested, detection)!;
    expect(score).toBeLessThan(1);
    const ok = await user.fetch(verdictUrl(id, "quality"), json("PUT", { detection, score: score - 0.005 }));
    expect(ok.status).toBe(200);
    const row = await storedRow(id);
    // The server's own score, within ±0.01 of a recomputation from what it stored.
    expect(row!.quality_source).toBe("browser");
    const recomputed = poseScore(JSON.parse(row!.requested_pose), JSON.parse(row!.quality_detection!))!;
    expect(Math.abs(row!.quality_score! - recomputed)).toBeLessThanOrEqual(0.01);
    expect(row!.quality_score).toBeCloseTo(score, 10);
    expect(await poseView(user, id)).toMatchObject({ qualityScore: score, qualitySource: "browser", drifted: false });

    // A mirrored detection claiming a near-perfect score.
    const lie = await user.fetch(
      verdictUrl(id, "quality"),
      json("PUT", { detection: flipped(requested), score: 0.97 }),
    );
    expect(lie.status).toBe(422);
    expect(((await lie.json()) as { error: { code: string } }).error.code).toBe("score_mismatch");
    expect((await storedRow(id))!.quality_score).toBeCloseTo(score, 10);

    const person = requested.people[0]!;
    const bad: [string, unknown][] = [
      ["17 joints", { detection: { ...requested, people: [{ ...person, body: person.body.slice(1) }] }, score: 0.5 }],
      ["two people", { detection: { ...requested, people: [person, person] }, score: 0.5 }],
      ["outside the canvas", { detection: { ...requested, canvasWidth: 100 }, score: 0.5 }],
      ["a huge canvas", { detection: { ...requested, canvasWidth: 100_000 }, score: 0.5 }],
      ["score above 1", { detection: requested, score: 1.5 }],
      ["no score", { detection: requested }],
      [
        "string coordinates",
        {
          detection: { ...requested, people: [{ ...person, body: person.body.map((k) => k && { ...k, x: "1" }) }] },
          score: 0.5,
        },
      ],
    ];
    for (const [what, body] of bad) {
      const res = await user.fetch(verdictUrl(id, "quality"), json("PUT", body));
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, what).toBeTruthy();
    }
  });

  it("ratings are 1–5 whole stars, the owner's only", async () => {
    const user = await signUp();
    const id = await made(user);
    for (const rating of [0, 6, 3.5, "4", null]) {
      const res = await user.fetch(verdictUrl(id, "rating"), json("PUT", { rating }));
      expect(res.status, String(rating)).toBe(400);
    }
    const res = await user.fetch(verdictUrl(id, "rating"), json("PUT", { rating: 4 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ poseTemplateId: POSE, rating: 4 });
    expect((await storedRow(id))!.rating).toBe(4);
    expect((await poseView(user, id)).rating).toBe(4);

    const other = await signUp();
    const requested = (await poseView(user, id)).requestedPose as Pose;
    for (const [method, what, body] of [
      ["PUT", "rating", { rating: 1 }],
      ["PUT", "quality", { detection: requested, score: 1 }],
      ["POST", "retry", {}],
    ] as const) {
      const theirs = await other.fetch(verdictUrl(id, what), json(method, body));
      expect(theirs.status, what).toBe(404);
    }
    expect((await other.fetch(`/api/v1/generations/${id}?include=requestedPose`)).status).toBe(404);
    expect((await storedRow(id))!.rating).toBe(4);
    // A pose the generation does not have.
    const missing = await user.fetch(`/api/v1/generations/${id}/poses/builtin-nope/rating`, json("PUT", { rating: 2 }));
    expect(missing.status).toBe(404);
  });
});

/** A new user's made pose: its view, its row and its image as they were before any try again. */
async function madeOnce() {
  const user = await signUp();
  const uid = await userId(user);
  const id = await made(user);
  const first = await poseView(user, id);
  const before = await storedRow(id);
  const oldImage = new Uint8Array(await (await user.fetch(first.imageUrl!)).arrayBuffer());
  return { user, uid, id, first, before, oldImage };
}

describe("try again (a drifted pose)", () => {
  it("reserves and spends one pose's credits, keeps the old image until the new one, with a new seed", async () => {
    const { user, uid, id, first, before, oldImage } = await madeOnce();

    // Not drifted (not scored yet): refused.
    const early = await user.fetch(verdictUrl(id, "retry"), { method: "POST" });
    expect(early.status).toBe(409);
    await markDrifted(user, id, first.requestedPose as Pose);

    const balance = await credits(user);
    // The new round hangs at the provider: the old image is still shown, a second click is refused.
    await fakeProvider.faults([{ kind: "hang", trace: `${uid}/`, times: 1 }]);
    const res = await user.fetch(verdictUrl(id, "retry"), { method: "POST" });
    expect(res.status).toBe(200);
    const running = ((await res.json()) as GenerationState).poses[0]!;
    expect(running.status).toMatch(/queued|running/);
    expect(running.imageUrl).toBeTruthy();
    expect(await credits(user)).toBe(balance - CREDITS_PER_POSE.sd);
    expect((await user.fetch(verdictUrl(id, "retry"), { method: "POST" })).status).toBe(409);
    const meanwhile = await user.fetch(running.imageUrl!);
    expect(new Uint8Array(await meanwhile.arrayBuffer())).toEqual(oldImage);

    const done = await waitForFinal(user, id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 1 });
    const after = await storedRow(id);
    expect(after!.output_key).not.toBe(before!.output_key);
    expect(after!.output_key).toMatch(/-take\d+\.jpg$/);
    // A new image is scored afresh.
    expect(after).toMatchObject({ success: 1, quality_score: null, quality_source: null });
    expect(done.poses[0]!.imageUrl).not.toBe(first.imageUrl);
    const newImage = new Uint8Array(await (await user.fetch(done.poses[0]!.imageUrl!)).arrayBuffer());
    expect(newImage).not.toEqual(oldImage);
    // Spent, not refunded: one more pose paid for.
    expect(await credits(user)).toBe(balance - CREDITS_PER_POSE.sd);
    const seeds = (await fakeProvider.requests(uid)).filter((r) => !r.fault).map((r) => r.seed);
    expect(seeds[0]).toBeNull();
    expect(typeof seeds.at(-1)).toBe("number");
  });

  it("a failed new round refunds its credits and keeps the earlier image", async () => {
    const { user, uid, id, first, before, oldImage } = await madeOnce();
    await markDrifted(user, id, first.requestedPose as Pose);
    const balance = await credits(user);

    await fakeProvider.faults([{ kind: "bad_request", trace: `${uid}/` }]);
    expect((await user.fetch(verdictUrl(id, "retry"), { method: "POST" })).status).toBe(200);
    const done = await waitForFinal(user, id);
    await fakeProvider.clear(`${uid}/`);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 1, failedPoses: 0 });
    expect(done.poses[0]).toMatchObject({ status: "succeeded", imageUrl: first.imageUrl });
    expect(done.poses[0]!.error).toMatch(/not valid/);
    const after = await storedRow(id);
    expect(after).toMatchObject({ success: 1, output_key: before!.output_key });
    expect(new Uint8Array(await (await user.fetch(first.imageUrl!)).arrayBuffer())).toEqual(oldImage);
    expect((await user.fetch(`${first.imageUrl}?download=1`)).status).toBe(200);
    expect(await credits(user)).toBe(balance);
    // Still drifted: it may be tried again.
    expect((await poseView(user, id)).drifted).toBe(true);
  });
});
