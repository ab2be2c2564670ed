import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { watchGeneration } from "../../generations/control-generation";
import { requireCaller, signedIn } from "../../middleware/caller";

/** GET /api/v1/generations/:id/live — outside OpenAPI: a WebSocket, handed to the Durable Object. */
export const generationLiveRoute = new OpenAPIHono<AppEnv>();
generationLiveRoute.get("/:id/live", signedIn(), async (c) =>
  watchGeneration(c.env, requireCaller(c).userId, c.req.param("id"), c.req.raw),
);
