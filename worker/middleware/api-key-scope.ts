import { createMiddleware } from "hono/factory";
import type { ApiKeyScope } from "../../shared/api/account";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Enforces an API key's scopes on every route: reading (GET/HEAD, the live WebSocket) needs
 * `read`, anything that changes something (POST/PATCH/PUT/DELETE) needs `generate`.
 * Sessions are not limited here. Runs after resolveCaller.
 */
export const enforceApiKeyScopes = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const caller = c.get("caller");
    if (caller?.via !== "api_key") return next();
    const needed: ApiKeyScope = SAFE_METHODS.has(c.req.method) ? "read" : "generate";
    if (!caller.scopes?.includes(needed))
      throw new ApiError(
        403,
        "insufficient_scope",
        `This API key lacks the '${needed}' scope (it has: ${caller.scopes?.join(", ") || "none"}). Create a key with it.`,
        { required: needed, scopes: caller.scopes ?? [] },
      );
    return next();
  });
