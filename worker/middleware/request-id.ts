import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Tags each request with an id (the caller's own if well-formed) and echoes it back. */
export const requestId = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    await next();
    // A WebSocket upgrade's 101 response has immutable headers.
    if (c.res.status !== 101) c.res.headers.set("x-request-id", id);
  });
