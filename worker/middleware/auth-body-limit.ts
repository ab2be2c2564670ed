import { createMiddleware } from "hono/factory";
import { concatBytes } from "../../shared/bytes/concat-bytes";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/** better-auth's bodies (sign-up, sign-in, profile) are a few hundred bytes; 16 KB is ample. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;
/** A user's display name, at sign-up and on update. */
export const USER_NAME_MAX = 100;

const tooLarge = () =>
  new ApiError(
    413,
    "payload_too_large",
    `The request body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KB.`,
    undefined,
    {
      limit: `${MAX_AUTH_BODY_BYTES / 1024} KB`,
    },
  );

/** The body, read until it passes `max` bytes (then a 413): a lying or missing Content-Length cannot stall us. */
async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** The `name` a sign-up or profile update sets, when the body is JSON with one. */
function nameIn(path: string, bytes: Uint8Array): unknown {
  if (!/\/(sign-up\/email|update-user)$/.test(path)) return undefined;
  try {
    return (JSON.parse(new TextDecoder().decode(bytes)) as { name?: unknown } | null)?.name;
  } catch {
    return undefined; // better-auth answers malformed JSON itself
  }
}

/**
 * Caps /api/auth/* request bodies at MAX_AUTH_BODY_BYTES (413) and user names at USER_NAME_MAX
 * characters (400) before better-auth reads them; the checked bytes are handed on unchanged.
 */
export const authBodyLimit = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    if (Number(c.req.header("content-length") ?? 0) > MAX_AUTH_BODY_BYTES) throw tooLarge();
    const bytes = await readCapped(raw.body, MAX_AUTH_BODY_BYTES);
    const name = nameIn(c.req.path, bytes);
    if (typeof name === "string" && name.length > USER_NAME_MAX) {
      throw new ApiError(400, "invalid_request", `The name is longer than ${USER_NAME_MAX} characters.`, undefined, {
        max: USER_NAME_MAX,
      });
    }
    c.req.raw = new Request(raw, { body: bytes });
    await next();
  });
