// GET /api/v1/provider-inputs/{token}: an image a provider fetches by URL (a skeleton, an avatar,
// an instant picture), for the few minutes its sealed token lasts. No session: the token is the
// grant, made by the pipeline for one object of the user whose pose it runs. Anything else is 404.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { openProviderInput } from "../provider-inputs/token";

const TokenParam = z.object({ token: z.string().min(1).max(2048) });

export const providerInputRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    summary: "An input image for an AI provider, by its short-lived sealed token",
    request: { params: TokenParam },
    responses: { 200: { description: "Image bytes" }, 404: { description: "Unknown or expired token" } },
  }),
  async (c) => {
    const input = await openProviderInput(c.env.BETTER_AUTH_SECRET, c.req.valid("param").token);
    const object = input && (await c.env.IMAGES.get(input.key));
    if (!object) throw notFound("Provider input");
    const headers = new Headers();
    object.writeHttpMetadata(headers);
    headers.set("content-length", String(object.size));
    // Each token is one use's grant: nothing on the way keeps a copy.
    headers.set("cache-control", "no-store");
    headers.set("x-content-type-options", "nosniff");
    return new Response(object.body, { status: 200, headers });
  },
);
