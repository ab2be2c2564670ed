// Verified sessions and API keys are trusted for AUTH_CACHE_SECONDS in an isolate. These tests
// revoke a credential as another isolate would (its rows go from D1, this isolate is not told)
// and check the credential dies once that age is over, and at once where the age is 0.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN, clientIp, cookiesFrom } from "./helpers/users";
import { withEnv } from "./helpers/with-env";

const json = { "content-type": "application/json" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A user signed up through the app with these settings, and a fetch carrying their cookie. */
async function userWith(vars: Record<string, string>) {
  const app = withEnv(vars);
  const ip = clientIp();
  const send = (path: string, init: RequestInit = {}, cookie?: string) => {
    const headers = new Headers(init.headers);
    headers.set("origin", ORIGIN);
    headers.set("cf-connecting-ip", ip);
    if (cookie) headers.set("cookie", cookie);
    return app(`${ORIGIN}${path}`, { ...init, headers });
  };
  const email = `cache${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await send("/api/auth/sign-up/email", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ email, password: "correct horse battery", name: "Cache" }),
  });
  expect(res.status).toBe(200);
  const cookie = cookiesFrom(res);
  const me = await send("/api/v1/account/me", {}, cookie);
  expect(me.status).toBe(200);
  const { id } = (await me.json()) as { id: string };
  return { id, send, fetch: (path: string, init: RequestInit = {}) => send(path, init, cookie) };
}

describe("sessions and API keys trusted for AUTH_CACHE_SECONDS", () => {
  it("a session revoked elsewhere keeps working only until its age runs out", async () => {
    const user = await userWith({ AUTH_CACHE_SECONDS: "1" });
    await env.DB.prepare("delete from sessions where user_id = ?").bind(user.id).run();
    // Within the age this isolate still trusts the cookie (the documented window)…
    expect((await user.fetch("/api/v1/account/me")).status).toBe(200);
    await sleep(1_100);
    // …and after it the cookie is looked up again and refused.
    expect((await user.fetch("/api/v1/account/me")).status).toBe(401);
  });

  it("an account deleted elsewhere stops its sessions once the age runs out", async () => {
    const user = await userWith({ AUTH_CACHE_SECONDS: "1" });
    await env.DB.prepare("delete from users where id = ?").bind(user.id).run();
    await sleep(1_100);
    expect((await user.fetch("/api/v1/avatars")).status).toBe(401);
  });

  it("an API key deleted elsewhere stops working once the age runs out", async () => {
    const user = await userWith({ AUTH_CACHE_SECONDS: "1" });
    const created = await user.fetch("/api/v1/account/api-keys", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "sync", scopes: ["read"] }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const withKey = () => user.send("/api/v1/account/me", { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).status).toBe(200);
    await env.DB.prepare("delete from api_keys where reference_id = ?").bind(user.id).run();
    await sleep(1_100);
    const refused = await withKey();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
  });

  it("with AUTH_CACHE_SECONDS=0 a revoked session fails on the next request", async () => {
    const user = await userWith({ AUTH_CACHE_SECONDS: "0" });
    await env.DB.prepare("delete from sessions where user_id = ?").bind(user.id).run();
    expect((await user.fetch("/api/v1/account/me")).status).toBe(401);
  });

  it("signing out in this isolate forgets the session at once, whatever the age", async () => {
    const user = await userWith({ AUTH_CACHE_SECONDS: "600" });
    const out = await user.fetch("/api/auth/sign-out", { method: "POST", headers: json, body: "{}" });
    expect(out.status).toBe(200);
    expect((await user.fetch("/api/v1/account/me")).status).toBe(401);
  });

  it("one user's remembered cookie never answers as another", async () => {
    const a = await userWith({ AUTH_CACHE_SECONDS: "600" });
    const b = await userWith({ AUTH_CACHE_SECONDS: "600" });
    const meA = (await (await a.fetch("/api/v1/account/me")).json()) as { id: string };
    const meB = (await (await b.fetch("/api/v1/account/me")).json()) as { id: string };
    expect(meA.id).toBe(a.id);
    expect(meB.id).toBe(b.id);
    expect(a.id).not.toBe(b.id);
  });
});
