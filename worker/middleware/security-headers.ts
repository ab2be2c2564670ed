import { createMiddleware } from "hono/factory";
import { API_CONTENT_SECURITY_POLICY, COMMON_SECURITY_HEADERS } from "../../shared/security/policy";
import type { AppEnv } from "../env";

const HEADERS: [string, string][] = [
  ...Object.entries(COMMON_SECURITY_HEADERS),
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];

/**
 * The API's answers carry the same frame protection and policy headers as the pages (which get
 * theirs from the static build's _headers). A route's own header wins; WebSocket upgrades pass.
 */
export const securityHeaders = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.status === 101) return;
    // Responses passed through from fetch/R2 can have immutable headers: copy before setting.
    const res = new Response(c.res.body, c.res);
    for (const [name, value] of HEADERS) if (!res.headers.has(name)) res.headers.set(name, value);
    c.res = res;
  });
