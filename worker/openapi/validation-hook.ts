import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { indonesianIssues } from "../i18n/validation-messages-id";

/** Turns a failed zod validation into our 400 envelope, naming each bad field (and why, in English and Indonesian). */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  const reasons = indonesianIssues(
    result.error.issues,
    // zod-validator hands the hook the input it validated; zod-openapi's Hook type leaves it out.
    (result as { data?: unknown }).data,
  );
  throw new ApiError(
    400,
    "invalid_request",
    summary || "The request is not valid.",
    issues,
    reasons ? { reasons } : {},
  );
};
