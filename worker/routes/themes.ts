// Profession themes: the built-in ones and the caller's own.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { NewTheme, ThemeView } from "../../shared/api/background";
import { ErrorResponse } from "../../shared/api/errors";
import { db } from "../db/client";
import { themes } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { requireCaller, signedIn } from "../middleware/caller";
import { jsonLimit } from "../middleware/json-limit";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";
import { builtInThemes, toThemeView } from "../themes/find-theme";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such theme of yours"),
};

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("POST", "*", jsonLimit());

export const themeRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "The built-in profession themes and mine",
      responses: { 200: jsonResponse(z.object({ items: z.array(ThemeView) }), "Themes"), ...errors },
    }),
    async (c) => {
      const mine = await db(c.env)
        .select()
        .from(themes)
        .where(eq(themes.userId, requireCaller(c).userId));
      return c.json({ items: [...builtInThemes, ...mine.map(toThemeView)] }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Save a theme of my own (clothing prompt, props, scene)",
      request: { body: { required: true, content: { "application/json": { schema: NewTheme } } } },
      responses: { 201: jsonResponse(ThemeView, "The theme"), ...errors },
    }),
    async (c) => {
      const [row] = await db(c.env)
        .insert(themes)
        .values({ userId: requireCaller(c).userId, ...c.req.valid("json") })
        .returning();
      return c.json(toThemeView(row!), 201);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete a theme of mine",
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { id } = c.req.valid("param");
      const gone = await db(c.env)
        .delete(themes)
        .where(and(eq(themes.id, id), eq(themes.userId, userId)))
        .returning({ id: themes.id });
      if (gone.length === 0) throw notFound("Theme");
      return c.body(null, 204);
    },
  );
