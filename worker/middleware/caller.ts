import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { createAuth, type Auth } from "../auth/create-auth";
import { scopesOf } from "../auth/api-key-scopes";
import { recalledCaller, rememberCaller } from "../auth/caller-memo";
import { trustedOrigin } from "../auth/trusted-origin";
import { config } from "../config";
import type { AppEnv, Caller } from "../env";
import { ApiError } from "../errors";

// Building better-auth costs milliseconds of CPU, so each isolate keeps one per env and trusted
// origin: one for APP_ORIGIN, or a few for loopback origins (local runs on different ports).
const instances = new WeakMap<Env, Map<string, Auth>>();
/** Loopback origins kept per env; the least recently used one is dropped beyond this. */
const MAX_LOOPBACK_ORIGINS = 8;

function authFor(env: Env, requestUrl: string): Auth {
  const origin = trustedOrigin(env, requestUrl);
  let byOrigin = instances.get(env);
  if (!byOrigin) instances.set(env, (byOrigin = new Map()));
  let auth = byOrigin.get(origin);
  if (auth) {
    // Refresh its place in the insertion order (least recently used goes first).
    byOrigin.delete(origin);
  } else {
    auth = createAuth(env, origin);
    if (byOrigin.size >= MAX_LOOPBACK_ORIGINS) byOrigin.delete(byOrigin.keys().next().value!);
  }
  byOrigin.set(origin, auth);
  return auth;
}

/** How many auth setups this isolate keeps for `env` (bounded; for tests). */
export function authCacheSize(env: Env): number {
  return instances.get(env)?.size ?? 0;
}

/** better-auth's session cookie (with the __Secure- prefix on https) and its value. */
const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.session_token)=([^;]*)/;

/**
 * Resolves who is calling: `Authorization: Bearer <api key>` for programmatic clients,
 * else the session cookie. Sets `caller` (null when anonymous) and `auth`. A verified credential
 * is trusted for AUTH_CACHE_SECONDS in this isolate (auth/caller-memo.ts) before its next lookup.
 */
export const resolveCaller = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const auth = authFor(c.env, c.req.url);
    c.set("auth", auth);
    c.set("caller", null);

    const authorization = c.req.header("authorization");
    const cacheMs = config(c.env).auth.cacheMs;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) throw new ApiError(401, "invalid_authorization", "Use 'Authorization: Bearer <API key>'.");
      const credential = `key ${match[1]}`;
      const known = recalledCaller(c.env, credential);
      if (known) {
        c.set("caller", known);
        return next();
      }
      const result = await auth.api.verifyApiKey({ body: { key: match[1] } }).catch(() => null);
      if (!result?.valid || !result.key) throw new ApiError(401, "invalid_api_key", "This API key is not valid.");
      const caller: Caller = {
        userId: result.key.referenceId,
        via: "api_key",
        scopes: scopesOf(result.key.permissions as Record<string, string[]> | null),
      };
      rememberCaller(c.env, credential, caller, cacheMs, result.key.expiresAt);
      c.set("caller", caller);
      return next();
    }

    // No session cookie, no session: skip the lookup.
    const cookie = SESSION_COOKIE.exec(c.req.header("cookie") ?? "");
    if (!cookie) return next();
    const credential = `${cookie[1]} ${cookie[2]}`;
    const known = recalledCaller(c.env, credential);
    if (known) {
      c.set("caller", known);
      return next();
    }
    const session = await auth.api.getSession({ headers: c.req.raw.headers }).catch(() => null);
    if (session) {
      const caller: Caller = { userId: session.user.id, via: "session" };
      rememberCaller(c.env, credential, caller, cacheMs, session.session.expiresAt);
      c.set("caller", caller);
    }
    return next();
  });

const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in or send an API key.");

/** Routes behind it answer 401 to anonymous callers. */
export const signedIn = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("caller")) throw unauthenticated();
    return next();
  });

/** The signed-in caller of a route behind `signedIn()`: typed as present, 401 if it is not. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get("caller");
  if (!caller) throw unauthenticated();
  return caller;
}
