import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/**
 * For actions an API key must never take (key management, account deletion, operator actions):
 * a caller using an API key gets 403 `session_required`. Anonymous callers pass through to the
 * route's own signedIn() (401).
 */
export const requireSession = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.get("caller")?.via === "api_key")
      throw new ApiError(
        403,
        "session_required",
        "API keys cannot do this: sign in to the app (session) to manage keys, delete the account or act as an operator.",
      );
    return next();
  });
