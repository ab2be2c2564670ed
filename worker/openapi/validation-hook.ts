import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/** Turns a failed zod validation into our 400 envelope, naming each bad field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  throw new ApiError(400, "invalid_request", summary || "The request is not valid.", issues);
};
