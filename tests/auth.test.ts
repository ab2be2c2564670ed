import { describe, expect, it } from "vitest";
import { AUTH_ATTEMPTS_PER_MINUTE } from "../worker/config";
import { call, clientIp, cookiesFrom, signUp } from "./helpers/users";
import { withEnv } from "./helpers/with-env";

type ErrorBody = { error: { code: string; message: string } };
const json = { "content-type": "application/json" };
const PUBLIC = "https://pose.example.com";

describe("accounts", () => {
  it("signs up, reads the session, signs out, and the cookie stops working", async () => {
    const user = await signUp("Siti");
    expect(user.cookie).toContain("better-auth.session_token=");

    const me = await user.fetch("/api/v1/account/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, name: "Siti", role: "user" });

    const out = await user.fetch("/api/auth/sign-out", { method: "POST", headers: json, body: "{}" });
    expect(out.status).toBe(200);
    const after = await user.fetch("/api/v1/account/me");
    expect(after.status).toBe(401);
  });

  it("signs in with the right password and refuses a wrong one with the JSON envelope", async () => {
    const user = await signUp();
    const wrong = await call("/api/auth/sign-in/email", {
      method: "POST",
      ip: user.ip,
      headers: json,
      body: JSON.stringify({ email: user.email, password: "not the password" }),
    });
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_email_or_password");

    const right = await call("/api/auth/sign-in/email", {
      method: "POST",
      ip: user.ip,
      headers: json,
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(right.status).toBe(200);
    const me = await call("/api/v1/account/me", { cookie: cookiesFrom(right) });
    expect(me.status).toBe(200);
  });

  it("stores only a slow password hash", async () => {
    const user = await signUp();
    const { env } = await import("cloudflare:workers");
    const row = await env.DB.prepare(
      "select a.password from accounts a join users u on u.id = a.user_id where u.email = ?",
    )
      .bind(user.email)
      .first<{ password: string }>();
    expect(row?.password).toBeTruthy();
    expect(row!.password).not.toContain(user.password);
    // better-auth's scrypt format: hex salt ':' hex key.
    expect(row!.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it("refuses a cookie-authenticated POST from another origin (CSRF)", async () => {
    const ip = clientIp();
    const res = await call("/api/auth/sign-up/email", {
      method: "POST",
      ip,
      headers: { ...json, origin: "https://evil.example" },
      body: JSON.stringify({ email: "csrf@example.com", password: "correct horse battery", name: "x" }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBeTruthy();
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const res = await call("/api/auth/sign-up/email", {
      method: "POST",
      ip: clientIp(),
      headers: json,
      body: JSON.stringify({
        email: `c${crypto.randomUUID().slice(0, 8)}@example.com`,
        password: "correct horse battery",
        name: "c",
      }),
    });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("rate-limits sign-in attempts per client IP", async () => {
    // Behind Cloudflare (APP_ORIGIN, a public host) the platform's CF-Connecting-IP is the client IP.
    const platform = withEnv({
      APP_ORIGIN: PUBLIC,
      AUTH_ATTEMPTS_PER_MINUTE: String(AUTH_ATTEMPTS_PER_MINUTE),
      AUTH_FAILURES_PER_ACCOUNT: "1000",
    });
    const signIn = (ip: string) =>
      platform(`${PUBLIC}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { ...json, origin: PUBLIC, "cf-connecting-ip": ip },
        body: JSON.stringify({ email: "nobody@example.com", password: "wrong password" }),
      });
    const ip = clientIp();
    const attempt = () => signIn(ip);
    for (let i = 0; i < AUTH_ATTEMPTS_PER_MINUTE; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another IP is not affected.
    const other = await signIn(clientIp());
    expect(other.status).toBe(401);
  });

  it("validates sign-up input with a 4xx JSON error", async () => {
    const res = await call("/api/auth/sign-up/email", {
      method: "POST",
      ip: clientIp(),
      headers: json,
      body: JSON.stringify({ email: "short@example.com", password: "123", name: "x" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/password/i);
  });
});

describe("API keys", () => {
  it("authenticates with Authorization: Bearer, lists without secrets, and stops after revoking", async () => {
    const user = await signUp();
    const created = await user.fetch("/api/v1/account/api-keys", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "shop sync" }),
    });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string; start: string };
    expect(key.key).toMatch(/^apg_/);

    const me = await call("/api/v1/account/me", { headers: { authorization: `Bearer ${key.key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email });

    const list = await user.fetch("/api/v1/account/api-keys");
    const text = await list.text();
    expect(text).toContain("shop sync");
    expect(text).not.toContain(key.key);

    expect((await user.fetch(`/api/v1/account/api-keys/${key.id}`, { method: "DELETE" })).status).toBe(204);
    const revoked = await call("/api/v1/account/me", { headers: { authorization: `Bearer ${key.key}` } });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as ErrorBody).error.code).toBe("invalid_api_key");
  });

  it("answers a made-up or malformed key with 401", async () => {
    for (const header of ["Bearer apg_notarealkey", "Basic abc", "Bearer"]) {
      const res = await call("/api/v1/avatars", { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });

  it("does not let one user revoke another's key", async () => {
    const owner = await signUp();
    const other = await signUp();
    const created = await owner.fetch("/api/v1/account/api-keys", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "mine" }),
    });
    const { id } = (await created.json()) as { id: string };
    expect((await other.fetch(`/api/v1/account/api-keys/${id}`, { method: "DELETE" })).status).toBe(404);
  });
});
