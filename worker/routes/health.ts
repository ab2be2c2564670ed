import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

const Health = z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() });

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: "Liveness and database check",
    responses: { 200: { description: "Healthy", content: { "application/json": { schema: Health } } } },
  }),
  async (c) => {
    await c.env.DB.prepare("select 1").first();
    return c.json({ status: "ok" as const, database: "ok" as const, time: new Date().toISOString() }, 200);
  },
);
