import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env";
import { indonesianMessage } from "./i18n/error-messages-id";
import { localeOf } from "./i18n/locale";

/**
 * An error the client caused or may see: becomes `{"error": {"code", "message"}}`. `message` is
 * English; `params` are values the Indonesian message needs that `details` does not carry.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Hono's own HTTPExceptions (validators, body limits) in our words. */
const HTTP_EXCEPTIONS: Record<number, [string, string]> = {
  413: ["payload_too_large", "The request body is too large."],
  415: ["unsupported_media_type", "This route does not accept that Content-Type; see /api/v1/docs."],
};

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found.`, undefined, { what });

/** The one error envelope every route answers with, its message in the caller's language. */
export function errorResponse(c: Context<AppEnv>, err: ApiError) {
  const message = (localeOf(c) === "id" && indonesianMessage(err.code, err.details, err.params)) || err.message;
  const body: Record<string, unknown> = { code: err.code, message };
  if (err.details !== undefined) body.details = err.details;
  body.requestId = c.get("requestId");
  // A wait the client should honour also goes in the standard header.
  const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof wait === "number") c.header("retry-after", String(wait));
  return c.json({ error: body }, err.status);
}

/** Hono's onError: known errors keep their status; anything else is a bug and is logged. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const known = HTTP_EXCEPTIONS[status];
    return errorResponse(
      c,
      new ApiError(status, known?.[0] ?? "bad_request", known?.[1] ?? (err.message || "Bad request.")),
    );
  }
  console.error(JSON.stringify({ requestId: c.get("requestId"), error: String(err?.stack ?? err) }));
  return errorResponse(c, new ApiError(500, "internal_error", "Something went wrong on our side."));
}
