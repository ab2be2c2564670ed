// Starring a pose in the library: the caller's own star on a template they may see (another
// user's private template is a 404, like reading it).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../../shared/api/errors";
import type { AppEnv } from "../../env";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { addFavourite, removeFavourite } from "../../templates/favourites";
import { findReadable } from "./access";

const IdParam = z.object({ id: z.string().min(1).max(80) });
const Starred = z.object({ id: z.string(), favourite: z.boolean() });
const responses = {
  200: jsonResponse(Starred, "The template's star for the caller"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such template visible to you"),
};

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const starRoute = (method: "put" | "delete", summary: string) =>
  createRoute({
    method,
    path: "/{id}/favourite",
    summary,
    middleware: [signedIn()] as const,
    request: { params: IdParam },
    responses,
  });

/** Sets the caller's star on a template they may see; another user's private one is a 404. */
async function setStar(env: Env, userId: string, id: string, on: boolean) {
  const row = await findReadable(env, id, userId);
  await (on ? addFavourite : removeFavourite)(env, userId, row.id);
  return { id: row.id, favourite: on };
}

export const templateFavouriteRoutes = router
  .openapi(starRoute("put", "Star a template (mine only: favourites are per user)"), async (c) =>
    c.json(await setStar(c.env, requireCaller(c).userId, c.req.valid("param").id, true), 200),
  )
  .openapi(starRoute("delete", "Remove my star from a template"), async (c) =>
    c.json(await setStar(c.env, requireCaller(c).userId, c.req.valid("param").id, false), 200),
  );
