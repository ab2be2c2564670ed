import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BUILT_INS, json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { astronautPng } from "./helpers/images";
import { keysUnder, rowsOf } from "./helpers/user-data";
import { call, signUp, type TestUser } from "./helpers/users";

type Id = { id: string };

async function uploadWithCutout(user: TestUser) {
  const form = new FormData();
  form.set("name", "Astro");
  form.set("file", new File([astronautPng()], "a.png", { type: "image/png" }));
  form.set("cutout", new File([new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG)], "c.png", { type: "image/png" }));
  const res = await user.fetch("/api/v1/avatars", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as Id;
}

async function uploadBackground(user: TestUser) {
  const form = new FormData();
  form.set("file", new File([astronautPng()], "bg.png", { type: "image/png" }));
  const res = await user.fetch("/api/v1/backgrounds", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as Id;
}

async function generated(user: TestUser, avatarId: string, poses = ["builtin-hand-on-hip"]) {
  const started = await startGeneration(user, { avatarId, poseTemplateIds: poses });
  return waitForFinal(user, started.id);
}

/** One user with one of everything: avatar (with cut-out), background, theme, template (with preview), generation, candidates. */
async function userWithEverything() {
  const user = await signUp();
  const uid = await userId(user);
  const avatar = await uploadWithCutout(user);
  const background = await uploadBackground(user);
  const theme = await user.fetch(
    "/api/v1/themes",
    json("POST", { name: "Barista", clothing: "a barista apron", props: ["book"], scene: "cafe" }),
  );
  expect(theme.status).toBe(201);
  const template = await user.fetch(
    "/api/v1/templates",
    json("POST", {
      name: "mine",
      category: "custom",
      visibility: "private",
      keypoints: await (await user.fetch("/api/v1/templates/builtin-hand-on-hip/openpose.json")).json(),
    }),
  );
  expect(template.status).toBe(201);
  const templateId = ((await template.json()) as Id).id;
  expect((await user.fetch(`/api/v1/templates/${templateId}/preview.png`)).status).toBe(200);
  const generation = await generated(user, avatar.id, ["builtin-hand-on-hip", templateId]);
  expect(generation.successfulPoses).toBe(2);
  const candidates = await user.fetch(
    "/api/v1/avatars/generate",
    json("POST", { prompt: "a smiling chef", gender: "male", count: 1, seed: 5 }),
  );
  expect(candidates.status).toBe(200);
  const prefixes = [
    `avatars/${uid}/`,
    `backgrounds/${uid}/`,
    `avatar-candidates/${uid}/`,
    `generations/${generation.id}/`,
    `templates/${templateId}/`,
  ];
  return { user, uid, avatar, background, generation, templateId, prefixes };
}

describe("delete means delete", () => {
  it("deleting an avatar removes its cut-out too", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadWithCutout(user);
    expect(await keysUnder([`avatars/${uid}/${avatar.id}/`])).toEqual([
      `avatars/${uid}/${avatar.id}/cutout.png`,
      `avatars/${uid}/${avatar.id}/original.png`,
      `avatars/${uid}/${avatar.id}/thumbnail.jpg`,
    ]);
    expect((await user.fetch(`/api/v1/avatars/${avatar.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await keysUnder([`avatars/${uid}/`])).toEqual([]);
  });

  it("DELETE /api/v1/generations/:id removes the generation, its poses and every stage image; others get 404", async () => {
    const user = await signUp();
    const other = await signUp();
    const avatar = await uploadAvatar(user);
    const generation = await generated(user, avatar.id, BUILT_INS.slice(0, 2));
    const prefix = `generations/${generation.id}/`;
    expect(await keysUnder([prefix])).toHaveLength(2);
    const path = `/api/v1/generations/${generation.id}`;
    expect((await other.fetch(path, { method: "DELETE" })).status).toBe(404);
    expect((await call(path, { method: "DELETE" })).status).toBe(401);
    expect(await keysUnder([prefix])).toHaveLength(2);

    expect((await user.fetch(path, { method: "DELETE" })).status).toBe(204);
    expect(await keysUnder([prefix])).toEqual([]);
    for (const table of ["pose_generations where id", "generated_poses where generation_id"]) {
      const row = await env.DB.prepare(`select count(*) as n from ${table} = ?`)
        .bind(generation.id)
        .first<{ n: number }>();
      expect({ table, n: row!.n }).toEqual({ table, n: 0 });
    }
    expect((await user.fetch(path)).status).toBe(404);
    expect((await user.fetch(path, { method: "DELETE" })).status).toBe(404);
    // The avatar stays.
    expect((await user.fetch(`/api/v1/avatars/${avatar.id}`)).status).toBe(200);
  });

  it("DELETE /api/v1/generations/:id stops a running generation first", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS });
    expect((await user.fetch(`/api/v1/generations/${started.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await user.fetch(`/api/v1/generations/${started.id}`)).status).toBe(404);
    expect(await keysUnder([`generations/${started.id}/`])).toEqual([]);
  });

  it("DELETE /api/v1/backgrounds/:id removes the picture; others get 404", async () => {
    const user = await signUp();
    const other = await signUp();
    const uid = await userId(user);
    const background = await uploadBackground(user);
    expect(await keysUnder([`backgrounds/${uid}/`])).toEqual([`backgrounds/${uid}/${background.id}.png`]);
    const path = `/api/v1/backgrounds/${background.id}`;
    expect((await other.fetch(path, { method: "DELETE" })).status).toBe(404);
    expect((await call(path, { method: "DELETE" })).status).toBe(401);
    expect((await user.fetch(path, { method: "DELETE" })).status).toBe(204);
    expect(await keysUnder([`backgrounds/${uid}/`])).toEqual([]);
    expect((await user.fetch(`${path}/image`)).status).toBe(404);
    const list = (await (await user.fetch("/api/v1/backgrounds")).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it("deleting the account needs the password once the session is over a day old; a fresh session may without", async () => {
    const stale = await signUp();
    const staleId = await userId(stale);
    await uploadAvatar(stale);
    await env.DB.prepare("update sessions set created_at = ? where user_id = ?")
      .bind(Date.now() - 2 * 24 * 3_600_000, staleId)
      .run();
    const refused = await stale.fetch("/api/auth/delete-user", json("POST", {}));
    expect(refused.status).toBe(400);
    expect((await rowsOf(staleId))["avatars.user_id"]).toBe(1);
    expect(await keysUnder([`avatars/${staleId}/`])).toHaveLength(2);

    const fresh = await signUp();
    const freshId = await userId(fresh);
    await uploadAvatar(fresh);
    expect((await fresh.fetch("/api/auth/delete-user", json("POST", {}))).status).toBe(200);
    expect(Object.entries(await rowsOf(freshId)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await keysUnder([`avatars/${freshId}/`])).toEqual([]);
  });

  it("deleting the account (with the password) removes every D1 row and R2 object of the user, and nobody else's", async () => {
    const a = await userWithEverything();
    const b = await userWithEverything();
    await env.IMAGES.put("scenes/cafe-512x768.jpg", new Uint8Array([1, 2, 3]));
    const aKeys = await keysUnder(a.prefixes);
    // Original, thumbnail, cut-out, background, candidate, two poses, template preview.
    expect(aKeys.length).toBeGreaterThanOrEqual(8);
    const bKeys = await keysUnder(b.prefixes);
    const bRows = await rowsOf(b.uid);

    const wrong = await a.user.fetch("/api/auth/delete-user", json("POST", { password: "not the password" }));
    expect(wrong.status).toBe(400);
    expect(await keysUnder(a.prefixes)).toEqual(aKeys);

    const res = await a.user.fetch("/api/auth/delete-user", json("POST", { password: a.user.password }));
    expect(res.status).toBe(200);
    const left = Object.entries(await rowsOf(a.uid)).filter(([, n]) => n > 0);
    expect(left).toEqual([]);
    expect(await keysUnder(a.prefixes)).toEqual([]);
    expect((await a.user.fetch("/api/v1/account/me")).status).toBe(401);

    // The other user and the shared scene paintings are untouched.
    expect(await keysUnder(b.prefixes)).toEqual(bKeys);
    expect(await rowsOf(b.uid)).toEqual(bRows);
    expect(await keysUnder(["scenes/"])).toContain("scenes/cafe-512x768.jpg");
    expect((await b.user.fetch(`/api/v1/generations/${b.generation.id}`)).status).toBe(200);
  });
});
