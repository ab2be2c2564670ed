import { describe, expect, it } from "vitest";
import { cookiesFrom } from "./helpers/users";
import { withEnv } from "./helpers/with-env";

type ErrorBody = { error: { code: string; message: string } };
const LOCAL = "http://127.0.0.1:8787";
const PUBLIC = "https://pose.example.com";
const PASSWORD = "correct horse battery";
const email = () => `a${crypto.randomUUID().slice(0, 8)}@example.com`;

const post = (
  origin: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit & {
  url: string;
} => ({
  url: `${origin}${path}`,
  method: "POST",
  headers: { "content-type": "application/json", origin, ...headers },
  body: JSON.stringify(body),
});

function caller(vars: Record<string, string>) {
  const f = withEnv(vars);
  return (req: RequestInit & { url: string }) => f(req.url, req);
}

describe("sign-up does not tell whether an email has an account", () => {
  it("answers a taken email with the same status and body as a success, without a session", async () => {
    const call = caller({ AUTH_ATTEMPTS_PER_MINUTE: "1000" });
    const address = email();
    const first = await call(
      post(LOCAL, "/api/auth/sign-up/email", { email: address, password: PASSWORD, name: "Ana" }),
    );
    expect(first.status).toBe(200);
    expect(cookiesFrom(first)).toContain("session_token");

    const again = await call(
      post(LOCAL, "/api/auth/sign-up/email", { email: address, password: "another password 1", name: "Ana" }),
    );
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    expect(cookiesFrom(again)).not.toContain("session_token");

    // The account keeps its own password.
    const wrong = await call(
      post(LOCAL, "/api/auth/sign-in/email", { email: address, password: "another password 1" }),
    );
    expect(wrong.status).toBe(401);
    const right = await call(post(LOCAL, "/api/auth/sign-in/email", { email: address, password: PASSWORD }));
    expect(right.status).toBe(200);
  });
});

describe("sign-in throttles", () => {
  it("limits failed sign-ins per account, whatever the IP, with Retry-After", async () => {
    const call = caller({ AUTH_ATTEMPTS_PER_MINUTE: "1000", APP_ORIGIN: PUBLIC });
    const address = email();
    expect(
      (await call(post(PUBLIC, "/api/auth/sign-up/email", { email: address, password: PASSWORD, name: "B" }))).status,
    ).toBe(200);
    const attempt = (i: number, password = "wrong password") =>
      call(
        post(
          PUBLIC,
          "/api/auth/sign-in/email",
          { email: address, password },
          { "cf-connecting-ip": `198.51.100.${i}` },
        ),
      );
    for (let i = 0; i < 5; i++) expect((await attempt(i)).status).toBe(401);
    const limited = await attempt(99, PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(60);
    // Another account is not affected.
    const other = email();
    expect(
      (await call(post(PUBLIC, "/api/auth/sign-up/email", { email: other, password: PASSWORD, name: "C" }))).status,
    ).toBe(200);
    expect((await call(post(PUBLIC, "/api/auth/sign-in/email", { email: other, password: PASSWORD }))).status).toBe(
      200,
    );
  });

  it("on a local run, a client-sent CF-Connecting-IP does not buy more attempts", async () => {
    const call = caller({ AUTH_ATTEMPTS_PER_MINUTE: "3" });
    // Earlier tests in this file may have used part of the local bucket already: within 3 + 1
    // attempts, each from a "new" IP, the limit must still be reached.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(
        post(
          LOCAL,
          "/api/auth/sign-in/email",
          { email: email(), password: "wrong password" },
          { "cf-connecting-ip": `203.0.113.${i}` },
        ),
      );
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });

  it("behind Cloudflare (APP_ORIGIN, public host), the platform's CF-Connecting-IP keys the limit", async () => {
    const call = caller({ AUTH_ATTEMPTS_PER_MINUTE: "2", APP_ORIGIN: PUBLIC });
    const attempt = (ip: string) =>
      call(
        post(
          PUBLIC,
          "/api/auth/sign-in/email",
          { email: email(), password: "wrong password" },
          { "cf-connecting-ip": ip },
        ),
      );
    expect((await attempt("192.0.2.1")).status).toBe(401);
    expect((await attempt("192.0.2.1")).status).toBe(401);
    expect((await attempt("192.0.2.1")).status).toBe(429);
    expect((await attempt("192.0.2.2")).status).toBe(401);
  });
});

describe("welcome credits", () => {
  it("are a setting: WELCOME_CREDITS=0 starts an account with nothing", async () => {
    const call = caller({ AUTH_ATTEMPTS_PER_MINUTE: "1000", WELCOME_CREDITS: "0" });
    const res = await call(post(LOCAL, "/api/auth/sign-up/email", { email: email(), password: PASSWORD, name: "D" }));
    expect(res.status).toBe(200);
    const credits = await call({ url: `${LOCAL}/api/v1/credits`, headers: { cookie: cookiesFrom(res) } });
    expect(credits.status).toBe(200);
    expect(((await credits.json()) as { balance: number }).balance).toBe(0);
  });
});
