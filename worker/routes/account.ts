import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { ErrorResponse } from "../../shared/api/errors";
import { ApiKey, CreatedApiKey, NewApiKey } from "../../shared/api/account";
import { db } from "../db/client";
import { apikey, user } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError, notFound } from "../errors";
import { requireCaller, signedIn } from "../middleware/caller";
import { validationHook } from "../openapi/validation-hook";
import { permissionsFor, scopesOf, scopesOfColumn } from "../auth/api-key-scopes";
import { forgetUser } from "../auth/caller-memo";
import { requireSession } from "../middleware/session-only";

const errors = {
  400: { description: "Invalid request", content: { "application/json": { schema: ErrorResponse } } },
  401: { description: "Not signed in", content: { "application/json": { schema: ErrorResponse } } },
} as const;

const sessionOnly = {
  403: {
    description: "Not with an API key: needs a session",
    content: { "application/json": { schema: ErrorResponse } },
  },
} as const;

const Me = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() });

const toApiKey = (k: typeof apikey.$inferSelect) => ({
  id: k.id,
  name: k.name ?? "",
  start: k.start ?? "",
  scopes: scopesOfColumn(k.permissions),
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastRequest?.toISOString() ?? null,
});

/** The signed-in account and its API keys. */
const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
// Keys cannot make, see or revoke keys: a key could otherwise outlive its own revocation.
router.use("/api-keys", requireSession());
router.use("/api-keys/*", requireSession());

export const accountRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/me",
      summary: "Who I am",
      responses: { 200: { description: "The account", content: { "application/json": { schema: Me } } }, ...errors },
    }),
    async (c) => {
      const row = await db(c.env).query.user.findFirst({ where: eq(user.id, requireCaller(c).userId) });
      if (!row) throw new ApiError(401, "unauthenticated", "This account no longer exists.");
      return c.json({ id: row.id, name: row.name, email: row.email, role: row.role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api-keys",
      summary: "Create an API key with scopes read and/or generate (the key is shown once; needs a session)",
      request: { body: { required: true, content: { "application/json": { schema: NewApiKey } } } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: CreatedApiKey } } },
        ...errors,
        ...sessionOnly,
      },
    }),
    async (c) => {
      const { name, scopes } = c.req.valid("json");
      const created = await c
        .get("auth")
        .api.createApiKey({ body: { name, userId: requireCaller(c).userId, permissions: permissionsFor(scopes) } });
      return c.json(
        {
          id: created.id,
          name: created.name ?? "",
          start: created.start ?? "",
          scopes: scopesOf(created.permissions),
          key: created.key,
          createdAt: new Date(created.createdAt).toISOString(),
          lastUsedAt: null,
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api-keys",
      summary: "My API keys with their scopes, without their secrets (needs a session)",
      responses: {
        200: { description: "Keys", content: { "application/json": { schema: z.object({ items: z.array(ApiKey) }) } } },
        ...errors,
        ...sessionOnly,
      },
    }),
    async (c) => {
      const rows = await db(c.env)
        .select()
        .from(apikey)
        .where(eq(apikey.referenceId, requireCaller(c).userId))
        .orderBy(desc(apikey.createdAt));
      return c.json({ items: rows.map(toApiKey) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api-keys/{id}",
      summary: "Revoke an API key (needs a session)",
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: {
        204: { description: "Revoked" },
        ...errors,
        ...sessionOnly,
        404: { description: "No such key of yours", content: { "application/json": { schema: ErrorResponse } } },
      },
    }),
    async (c) => {
      const owned = and(eq(apikey.id, c.req.valid("param").id), eq(apikey.referenceId, requireCaller(c).userId));
      const deleted = await db(c.env).delete(apikey).where(owned).returning({ id: apikey.id });
      if (deleted.length === 0) throw notFound("API key");
      // The key stops working in this isolate at once (elsewhere within AUTH_CACHE_SECONDS).
      forgetUser(c.env, requireCaller(c).userId);
      return c.body(null, 204);
    },
  );
