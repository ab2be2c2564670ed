import type { z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../shared/api/errors";

/** An OpenAPI response whose body is JSON of the given schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The error responses most routes share. */
export const commonErrors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
};
