import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BUILT_INS, json, startGeneration, uploadAvatar } from "./helpers/generations";
import { avatarForm, messiJpg } from "./helpers/images";
import { ORIGIN, signUp, type TestUser } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string } };
const EVIL = "https://evil.example";

const upload = (user: TestUser, headers: Record<string, string>) =>
  user.fetch("/api/v1/avatars", { method: "POST", headers, body: avatarForm(messiJpg(), "m.jpg", { name: "x" }) });

async function expectRefused(res: Response) {
  expect(res.status).toBe(403);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe("cross_origin_request");
  expect(body.error.message).toMatch(/origin/i);
}

async function avatarCount(user: TestUser) {
  return ((await (await user.fetch("/api/v1/avatars")).json()) as { items: unknown[] }).items.length;
}

describe("cross-site request forgery", () => {
  it("refuses a cookie-authenticated upload from another origin, and changes nothing", async () => {
    const user = await signUp();
    await expectRefused(await upload(user, { origin: EVIL }));
    await expectRefused(await upload(user, { origin: "null" }));
    expect(await avatarCount(user)).toBe(0);
    expect((await upload(user, {})).status).toBe(201);
  });

  it("without Origin, needs Sec-Fetch-Site: same-origin", async () => {
    const user = await signUp();
    const bare = (headers: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}/api/v1/avatars`, {
        method: "POST",
        headers: { cookie: user.cookie, "cf-connecting-ip": user.ip, ...headers },
        body: avatarForm(messiJpg(), "m.jpg", { name: "x" }),
      });
    await expectRefused(await bare({}));
    await expectRefused(await bare({ "sec-fetch-site": "cross-site" }));
    expect((await bare({ "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("refuses cancel and the live WebSocket from another origin; the owner's own origin works", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: BUILT_INS.slice(0, 2) });
    const base = `/api/v1/generations/${started.id}`;

    await expectRefused(await user.fetch(`${base}/live`, { headers: { upgrade: "websocket", origin: EVIL } }));
    await expectRefused(await user.fetch(`${base}/cancel`, { ...json("POST", {}), headers: { origin: EVIL } }));
    await expectRefused(await user.fetch(`${base}/retry`, { ...json("POST", {}), headers: { origin: EVIL } }));

    const ws = await user.fetch(`${base}/live`, { headers: { upgrade: "websocket" } });
    expect(ws.status).toBe(101);
    ws.webSocket?.accept();
    ws.webSocket?.close();
    // A plain GET from anywhere is still only a read of one's own data.
    expect((await user.fetch(base, { headers: { origin: EVIL } })).status).toBe(200);
  });

  it("does not apply to API keys", async () => {
    const user = await signUp();
    const created = await user.fetch(
      "/api/v1/account/api-keys",
      json("POST", { name: "sync", scopes: ["read", "generate"] }),
    );
    const { key } = (await created.json()) as { key: string };
    const res = await SELF.fetch(`${ORIGIN}/api/v1/avatars`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, origin: EVIL },
      body: avatarForm(messiJpg(), "m.jpg", { name: "x" }),
    });
    expect(res.status).toBe(201);
  });
});
