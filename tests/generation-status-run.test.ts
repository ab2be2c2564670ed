// A status read comes from the generation's Durable Object alone: no D1 round trip, the same
// answer as the D1 path, the owner checked by the run, an unknown id storing nothing, and runs
// started before the run kept the row's fields still read from D1.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import { readGeneration } from "../worker/generations/generation-view";
import { generationStub } from "../worker/generations/generation-stub";
import { json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp, type TestUser } from "./helpers/users";

const POSES = ["builtin-hand-on-hip", "builtin-front-neutral"];

/** The same bindings with a D1 that fails every call, and how many calls it was asked. */
function withoutD1() {
  let calls = 0;
  const refuse = () => {
    calls++;
    throw new Error("D1 was asked");
  };
  const DB = new Proxy(env.DB, {
    get: (target, key) => (key === "prepare" || key === "batch" || key === "exec" ? refuse : Reflect.get(target, key)),
  });
  return { env: { ...env, DB } as Env, calls: () => calls };
}

async function made(user: TestUser) {
  const avatar = await uploadAvatar(user, { name: "Sari", gender: "female", ageRange: "25-34" });
  const started = await startGeneration(user, {
    avatarId: avatar.id,
    poseTemplateIds: POSES,
    initStrength: 0.4,
    professionTheme: "chef",
  });
  expect(await waitForFinal(user, started.id)).toMatchObject({ status: "completed" });
  return { id: started.id, avatarId: avatar.id, uid: await userId(user) };
}

/** The API's answer for the owner, in `language`, with requested skeletons. */
async function answered(user: TestUser, id: string, language = "en") {
  const res = await user.fetch(`/api/v1/generations/${id}?include=requestedPose`, {
    headers: { "accept-language": language },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GenerationState & Record<string, unknown>;
}

/** The run as one started before it kept the row's fields. */
async function forgetRowFields(id: string) {
  await runInDurableObject(generationStub(env, id), (_, state) => {
    const row = state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE id = 1").one();
    const { row: _kept, ...meta } = JSON.parse(row.value) as Record<string, unknown>;
    state.storage.sql.exec("UPDATE meta SET value = ? WHERE id = 1", JSON.stringify(meta));
  });
}

describe("a generation's status from its Durable Object alone", () => {
  it("asks D1 nothing and answers what the D1 path answers, ratings included", async () => {
    const user = await signUp();
    const { id, uid } = await made(user);
    const rated = await user.fetch(`/api/v1/generations/${id}/poses/${POSES[0]}/rating`, json("PUT", { rating: 4 }));
    expect(rated.status).toBe(200);

    const noD1 = withoutD1();
    const fromRun = await readGeneration(noD1.env, uid, id, "id", { requestedPose: true });
    expect(noD1.calls()).toBe(0);
    expect(fromRun).toMatchObject({
      id,
      status: "completed",
      avatarName: "Sari",
      initStrength: 0.4,
      professionTheme: "chef",
    });
    expect(fromRun.poses.find((p) => p.poseTemplateId === POSES[0])).toMatchObject({ rating: 4 });
    expect(fromRun.poses.every((p) => p.requestedPose)).toBe(true);

    // The same generation read the way runs started before are read (the D1 row and verdicts).
    const viaRun = await answered(user, id, "id");
    await forgetRowFields(id);
    const viaD1 = await answered(user, id, "id");
    expect(viaRun).toEqual(viaD1);
    expect(viaRun).toEqual(JSON.parse(JSON.stringify(fromRun)));
    // ... and that path does ask D1.
    const again = withoutD1();
    await expect(readGeneration(again.env, uid, id)).rejects.toThrow("D1 was asked");
    expect(again.calls()).toBeGreaterThan(0);
  });

  it("answers another user, a made-up id and a deleted generation 404, and stores nothing for the made-up id", async () => {
    const [owner, other] = [await signUp(), await signUp()];
    const { id, uid } = await made(owner);
    expect((await other.fetch(`/api/v1/generations/${id}`)).status).toBe(404);
    const noD1 = withoutD1();
    await expect(readGeneration(noD1.env, `${uid}-not`, id)).rejects.toMatchObject({ status: 404 });

    const madeUp = `made-up-${crypto.randomUUID()}`;
    const res = await owner.fetch(`/api/v1/generations/${madeUp}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    // The object answered "unknown" with nothing stored: no table (not even the key-value one), no key, no alarm.
    // (Locally the runtime still makes an empty database file for every id touched; an object
    // that stores nothing is not kept by Cloudflare.)
    const stored = await runInDurableObject(generationStub(env, madeUp), async (_, state) => ({
      tables: state.storage.sql.exec("SELECT name FROM sqlite_master").toArray(),
      alarm: await state.storage.getAlarm(),
    }));
    expect(stored).toEqual({ tables: [], alarm: null });
    const started = await runInDurableObject(generationStub(env, id), (_, state) =>
      state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").toArray(),
    );
    expect(started.map((t) => t.name)).toContain("meta");

    expect((await owner.fetch(`/api/v1/generations/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await owner.fetch(`/api/v1/generations/${id}`)).status).toBe(404);
  });

  it("a run started before it kept the row's fields still checks the owner through D1", async () => {
    const [owner, other] = [await signUp(), await signUp()];
    const { id } = await made(owner);
    await forgetRowFields(id);
    expect(await answered(owner, id)).toMatchObject({ id, avatarName: "Sari", initStrength: 0.4 });
    expect((await other.fetch(`/api/v1/generations/${id}`)).status).toBe(404);
  });
});
