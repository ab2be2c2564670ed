import { createMiddleware } from "hono/factory";
import { trustedOrigin } from "../auth/trusted-origin";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for cookie sessions: an unsafe request (POST/PATCH/PUT/DELETE) or a WebSocket
 * upgrade authenticated by the session cookie must come from our own origin, told by `Origin`
 * or, when a browser sent none, `Sec-Fetch-Site: same-origin`. API keys are not sent
 * automatically by browsers, so requests with one are exempt. Runs after resolveCaller.
 */
export const requireSameOriginForCookies = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.get("caller")?.via !== "session") return next();
    const upgrade = c.req.header("upgrade")?.toLowerCase() === "websocket";
    if (SAFE_METHODS.has(c.req.method) && !upgrade) return next();

    const origin = c.req.header("origin");
    const sameOrigin =
      origin !== undefined
        ? origin === trustedOrigin(c.env, c.req.url)
        : c.req.header("sec-fetch-site")?.toLowerCase() === "same-origin";
    if (!sameOrigin)
      throw new ApiError(
        403,
        "cross_origin_request",
        "This request came from another origin (Origin header). Signed-in browsers may change things only from this app's own pages; programs should send an API key.",
      );
    return next();
  });
