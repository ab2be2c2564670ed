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

export const templateFavouriteRoutes = router
  .openapi(
    createRoute({
      method: "put",
      path: "/{id}/favourite",
      summary: "Star a template (mine only: favourites are per user)",
      middleware: [signedIn()] as const,
      request: { params: IdParam },
      responses,
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findReadable(c.env, c.req.valid("param").id, userId);
      await addFavourite(c.env, userId, row.id);
      return c.json({ id: row.id, favourite: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}/favourite",
      summary: "Remove my star from a template",
      middleware: [signedIn()] as const,
      request: { params: IdParam },
      responses,
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findReadable(c.env, c.req.valid("param").id, userId);
      await removeFavourite(c.env, userId, row.id);
      return c.json({ id: row.id, favourite: false }, 200);
    },
  );
