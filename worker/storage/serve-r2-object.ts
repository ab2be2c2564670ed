import type { Context } from "hono";
import type { AppEnv } from "../env";
import { notFound } from "../errors";

/**
 * Streams an R2 object the caller may see, with its ETag. Conditional requests get a 304.
 * Private caching: every object belongs to one user.
 */
export async function serveR2Object(c: Context<AppEnv>, key: string) {
  const object = await c.env.IMAGES.get(key, { onlyIf: c.req.raw.headers });
  if (!object) throw notFound("Image");
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", "private, max-age=3600, must-revalidate");
  headers.set("x-content-type-options", "nosniff");
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  headers.set("content-length", String(object.size));
  return new Response(object.body, { status: 200, headers });
}
