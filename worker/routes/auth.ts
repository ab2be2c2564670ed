import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
import { accountRetryAfter, recordSignIn } from "../auth/account-throttle";
import { forgetUser } from "../auth/caller-memo";
import { withPlatformClientIp } from "../auth/client-ip";
import { uniformSignUp } from "../auth/uniform-sign-up";
import { ApiError, errorResponse } from "../errors";
import { authBodyLimit } from "../middleware/auth-body-limit";

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  422: "invalid_request",
  429: "rate_limited",
};

type Credentials = { email?: unknown; name?: unknown; password?: unknown };

/**
 * Hands the request to better-auth with the platform's client IP only, throttles failed
 * sign-ins per account, and answers sign-up alike for free and taken emails.
 */
async function handle(c: Context<AppEnv>): Promise<Response> {
  const path = c.req.method === "POST" ? new URL(c.req.url).pathname : "";
  if (path !== "/api/auth/sign-in/email" && path !== "/api/auth/sign-up/email")
    return c.get("auth").handler(withPlatformClientIp(c.req.raw));

  // Read from a copy before the request (and its body) is handed on.
  const body = ((await c.req.raw
    .clone()
    .json()
    .catch(() => null)) ?? {}) as Credentials;
  const request = withPlatformClientIp(c.req.raw);
  if (path === "/api/auth/sign-up/email") return uniformSignUp(await c.get("auth").handler(request), body);

  const email = typeof body.email === "string" ? body.email : "";
  if (email) {
    const wait = await accountRetryAfter(c.env, email);
    if (wait > 0)
      throw new ApiError(
        429,
        "rate_limited",
        `Too many failed sign-ins for this account. Try again in ${Math.ceil(wait / 60)} minutes.`,
        { retryAfterSeconds: wait },
      );
  }
  const res = await c.get("auth").handler(request);
  if (email && (res.status === 200 || res.status === 401)) await recordSignIn(c.env, email, res.status === 200);
  return res;
}

/**
 * better-auth's endpoints (sign-up/email, sign-in/email, sign-out, get-session, …) under
 * /api/auth, with their errors rewritten into our `{"error": {"code", "message"}}` envelope.
 * Bodies and user names are capped before better-auth reads them (authBodyLimit).
 */
export const authRoutes = new Hono<AppEnv>().use("/*", authBodyLimit()).all("/*", async (c) => {
  const res = await handle(c);
  // Signing out, revoking sessions, changing the password, deleting the account: this isolate
  // stops trusting the user's remembered credentials at once (they are looked up again).
  const caller = c.get("caller");
  if (c.req.method !== "GET" && caller) forgetUser(c.env, caller.userId);
  if (res.status < 400) return res;

  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { code?: string; message?: string } | null;
  const status = (res.status >= 500 ? 500 : res.status) as ContentfulStatusCode;
  const code = body?.code ? body.code.toLowerCase() : (CODES[status] ?? "auth_error");
  const message =
    body?.message || (status === 429 ? "Too many attempts. Wait a minute and try again." : "Authentication failed.");
  const out = errorResponse(c, new ApiError(status, code, message));
  const retryAfter = res.headers.get("x-retry-after") ?? res.headers.get("retry-after");
  if (retryAfter) out.headers.set("retry-after", retryAfter);
  return out;
});
