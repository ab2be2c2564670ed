import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/** The ANONYMOUS_RENDERS window in wrangler.toml, told to clients as Retry-After. */
const WINDOW_SECONDS = 60;

/**
 * Anonymous callers may render only so many skeletons a minute per client IP (the
 * ANONYMOUS_RENDERS rate-limit binding); signed-in callers are not counted. Over it: 429.
 */
export const anonymousRenderLimit = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("caller")) {
      const key = c.req.header("cf-connecting-ip") ?? "unknown";
      const { success } = await c.env.ANONYMOUS_RENDERS.limit({ key });
      if (!success) {
        throw new ApiError(
          429,
          "rate_limited",
          "Too many skeleton renders from this address. Wait a minute, or sign in.",
          { retryAfterSeconds: WINDOW_SECONDS },
        );
      }
    }
    await next();
  });
