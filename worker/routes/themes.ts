// Profession themes: the built-in ones and the caller's own.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { NewTheme, ThemeView } from "../../shared/api/background";
import { ErrorResponse } from "../../shared/api/errors";
import { BUILT_IN_THEMES, BUILT_IN_THEME_IDS } from "../../shared/themes/built-in";
import { db } from "../db/client";
import { themes, type ThemeRow } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { requireCaller } from "../middleware/caller";
import { jsonLimit } from "../middleware/json-limit";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such theme of yours"),
};

const builtInViews: ThemeView[] = BUILT_IN_THEME_IDS.map((id) => ({ id, ...BUILT_IN_THEMES[id], builtIn: true }));
const toView = (row: ThemeRow): ThemeView => ({
  id: row.id,
  name: row.name,
  clothing: row.clothing,
  props: row.props,
  scene: row.scene as ThemeView["scene"],
  builtIn: false,
});

/** A built-in theme by id, or the caller's own; null when neither. */
export async function findTheme(env: Env, userId: string, id: string): Promise<ThemeView | null> {
  const builtIn = builtInViews.find((t) => t.id === id);
  if (builtIn) return builtIn;
  const row = await db(env).query.themes.findFirst({ where: and(eq(themes.id, id), eq(themes.userId, userId)) });
  return row ? toView(row) : null;
}

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", requireCaller());
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
        .where(eq(themes.userId, c.get("caller")!.userId));
      return c.json({ items: [...builtInViews, ...mine.map(toView)] }, 200);
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
        .values({ userId: c.get("caller")!.userId, ...c.req.valid("json") })
        .returning();
      return c.json(toView(row!), 201);
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
      const userId = c.get("caller")!.userId;
      const { id } = c.req.valid("param");
      const gone = await db(c.env)
        .delete(themes)
        .where(and(eq(themes.id, id), eq(themes.userId, userId)))
        .returning({ id: themes.id });
      if (gone.length === 0) throw notFound("Theme");
      return c.body(null, 204);
    },
  );
