// Background pictures a user uploads to put behind their poses (checked like avatars).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { BackgroundImage } from "../../shared/api/background";
import { ErrorResponse } from "../../shared/api/errors";
import { db } from "../db/client";
import { backgroundImages } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { findBackground } from "../background/find-background";
import { prepareBackground } from "../images/prepare-background";
import { readUpload } from "../images/read-upload";
import { requireCaller, signedIn } from "../middleware/caller";
import { uploadLimit } from "../middleware/upload-limit";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";
import { r2Keys } from "../storage/r2-keys";
import { serveR2Object } from "../storage/serve-r2-object";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such background of yours"),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });
const Upload = z.object({
  file: z.instanceof(File, { message: "attach the image as the 'file' field" }).openapi({
    type: "string",
    format: "binary",
    description: "JPEG, PNG or WebP; 256–2048 px a side",
  }),
});

const toView = (row: typeof backgroundImages.$inferSelect) => ({
  id: row.id,
  imageUrl: `/api/v1/backgrounds/${row.id}/image`,
  width: row.width,
  height: row.height,
  createdAt: row.createdAt.toISOString(),
});

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());

export const backgroundRoutes = router
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Upload a background picture",
      middleware: [uploadLimit()] as const,
      request: { body: { required: true, content: { "multipart/form-data": { schema: Upload } } } },
      responses: {
        201: jsonResponse(BackgroundImage, "Stored"),
        ...errors,
        413: jsonResponse(ErrorResponse, "File too large"),
        415: jsonResponse(ErrorResponse, "Not a JPEG, PNG or WebP"),
        422: jsonResponse(ErrorResponse, "Unusable image"),
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const upload = await readUpload(c.env, c.req.valid("form").file);
      const picture = prepareBackground(upload.bytes, upload.header);
      const id = crypto.randomUUID();
      const imageKey = r2Keys.backgroundImage(userId, id, picture.contentType);
      await c.env.IMAGES.put(imageKey, picture.bytes, { httpMetadata: { contentType: picture.contentType } });
      const [row] = await db(c.env)
        .insert(backgroundImages)
        .values({
          id,
          userId,
          imageKey,
          contentType: picture.contentType,
          width: picture.width,
          height: picture.height,
        })
        .returning();
      return c.json(toView(row!), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My background pictures, newest first",
      responses: { 200: jsonResponse(z.object({ items: z.array(BackgroundImage) }), "Backgrounds"), ...errors },
    }),
    async (c) => {
      const rows = await db(c.env)
        .select()
        .from(backgroundImages)
        .where(eq(backgroundImages.userId, requireCaller(c).userId))
        .orderBy(desc(backgroundImages.createdAt))
        .limit(50);
      return c.json({ items: rows.map(toView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/image",
      summary: "One of my background pictures",
      request: { params: IdParam },
      responses: { 200: { description: "The image" }, ...errors },
    }),
    async (c) => {
      const row = await findBackground(c.env, requireCaller(c).userId, c.req.valid("param").id);
      if (!row) throw notFound("Background");
      return serveR2Object(c, row.imageKey);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete one of my background pictures (poses already made keep theirs)",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findBackground(c.env, userId, c.req.valid("param").id);
      if (!row) throw notFound("Background");
      await c.env.IMAGES.delete(row.imageKey);
      await db(c.env)
        .delete(backgroundImages)
        .where(and(eq(backgroundImages.id, row.id), eq(backgroundImages.userId, userId)));
      return c.body(null, 204);
    },
  );
