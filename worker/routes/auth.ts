import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
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

/**
 * better-auth's endpoints (sign-up/email, sign-in/email, sign-out, get-session, …) under
 * /api/auth, with their errors rewritten into our `{"error": {"code", "message"}}` envelope.
 * Bodies and user names are capped before better-auth reads them (authBodyLimit).
 */
export const authRoutes = new Hono<AppEnv>().use("/*", authBodyLimit()).all("/*", async (c) => {
  const res = await c.get("auth").handler(c.req.raw);
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
