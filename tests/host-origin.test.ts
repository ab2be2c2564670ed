import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../worker/app";
import * as caller from "../worker/middleware/caller";

type ErrorBody = { error: { code: string; message: string } };

/** Calls the Worker with the given settings on top of the test ones (a fresh env: its own auth cache). */
async function fetchWith(vars: Record<string, string>, url: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url, init), { ...env, ...vars } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** The number of auth setups the Worker keeps for one env (exported by the caller middleware). */
function cacheSize(forEnv: Env): number {
  const size = (caller as unknown as { authCacheSize?: (e: Env) => number }).authCacheSize;
  expect(size, "caller.ts exports authCacheSize(env)").toBeTypeOf("function");
  return size!(forEnv);
}

const signUpBody = (origin: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", origin },
  body: JSON.stringify({
    email: `h${crypto.randomUUID().slice(0, 8)}@example.com`,
    password: "correct horse battery",
    name: "h",
  }),
});

describe("Host header and the trusted origin", () => {
  it("without APP_ORIGIN, a non-loopback Host is refused with a JSON error, and many Hosts do not grow the cache", async () => {
    const testEnv = { ...env } as Env;
    for (let i = 0; i < 60; i++) {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://host-${i}.example/api/v1/health`), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status, `host-${i}.example`).toBe(421);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("app_origin_required");
      expect(body.error.message).toContain("APP_ORIGIN");
    }
    expect(cacheSize(testEnv)).toBe(0);
  });

  it("a foreign Host is never trusted as an origin: its sign-up is refused", async () => {
    const res = await fetchWith({}, "http://evil.example/api/auth/sign-up/email", signUpBody("http://evil.example"));
    expect(res.status).toBe(421);

    const withOrigin = await fetchWith(
      { APP_ORIGIN: "https://pose.example.com" },
      "http://evil.example/api/auth/sign-up/email",
      signUpBody("http://evil.example"),
    );
    expect(withOrigin.status).toBe(403);
  });

  it("with APP_ORIGIN, one auth setup serves every Host", async () => {
    const testEnv = { ...env, APP_ORIGIN: "https://pose.example.com" } as Env;
    for (const host of ["pose.example.com", "a.example", "b.example", "127.0.0.1:8787", "localhost:3000"]) {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://${host}/api/v1/health`), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status, host).toBe(200);
    }
    expect(cacheSize(testEnv)).toBe(1);
  });

  it("loopback hosts on any port keep working, with a bounded cache", async () => {
    const testEnv = { ...env } as Env;
    const hosts = ["127.0.0.1:8787", "localhost:5173", "[::1]:9000"];
    for (let port = 10000; port < 10040; port++) hosts.push(`127.0.0.1:${port}`);
    for (const host of hosts) {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://${host}/api/v1/health`), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status, host).toBe(200);
    }
    expect(cacheSize(testEnv)).toBeLessThanOrEqual(16);

    // A local sign-up from its own origin works.
    const local = await fetchWith(
      {},
      "http://localhost:5173/api/auth/sign-up/email",
      signUpBody("http://localhost:5173"),
    );
    expect(local.status).toBe(200);
  });
});
