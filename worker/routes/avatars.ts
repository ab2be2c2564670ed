import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { Avatar, AvatarMetadata, AvatarPatch, DeletedAvatar } from "../../shared/api/avatars";
import { RigPoseField } from "./avatar-rig-fields";
import { ErrorResponse } from "../../shared/api/errors";
import { PageQuery, page } from "../../shared/api/pagination";
import { db } from "../db/client";
import { newestFirst } from "../db/pagination";
import { avatars } from "../db/schema";
import { countGenerations } from "../avatars/count-generations";
import { findOwnedAvatar } from "../avatars/find-owned-avatar";
import { avatarDeleted, generationsMadeWith } from "../generations/run-view-changes";
import { readCutout } from "../avatars/read-cutout";
import { rigFromFields } from "../avatars/store-rig";
import { storeAvatar, toAvatar } from "../avatars/store-avatar";
import type { AppEnv } from "../env";
import { requireCaller, signedIn } from "../middleware/caller";
import { readUpload } from "../images/read-upload";
import { uploadLimit } from "../middleware/upload-limit";
import { validationHook } from "../openapi/validation-hook";
import { serveR2Object } from "../storage/serve-r2-object";

const errors = {
  400: { description: "Invalid request", content: { "application/json": { schema: ErrorResponse } } },
  401: { description: "Not signed in", content: { "application/json": { schema: ErrorResponse } } },
  404: { description: "No such avatar of yours", content: { "application/json": { schema: ErrorResponse } } },
} as const;

const IdParam = z.object({ id: z.string().min(1).max(64) });

const UploadForm = AvatarMetadata.extend({
  file: z.instanceof(File, { message: "attach the image as the 'file' field" }).openapi({
    type: "string",
    format: "binary",
    description: "JPEG, PNG or WebP; 256–2048 px a side; at most MAX_AVATAR_SIZE_MB",
  }),
  cutout: z.instanceof(File).optional().openapi({
    type: "string",
    format: "binary",
    description: "Optional: the person cut out (PNG with transparency) at the photo's size, reused as a mask",
  }),
  pose: RigPoseField.optional(),
});

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());

export const avatarRoutes = router
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Upload an avatar photo",
      middleware: [uploadLimit()] as const,
      request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: Avatar } } },
        ...errors,
        413: { description: "File too large", content: { "application/json": { schema: ErrorResponse } } },
        415: { description: "Not a JPEG, PNG or WebP", content: { "application/json": { schema: ErrorResponse } } },
        422: { description: "Unusable image", content: { "application/json": { schema: ErrorResponse } } },
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { file, cutout, pose, ...meta } = c.req.valid("form");
      const { bytes, header } = await readUpload(c.env, file);
      const photo = { width: header.displayWidth, height: header.displayHeight };
      const mask = cutout ? await readCutout(c.env, cutout, photo) : null;
      // With a pose the rig is made now; a rig the engine cannot use refuses the whole upload.
      const rig = pose === undefined ? undefined : await rigFromFields(pose, mask, photo);
      const row = await storeAvatar(c.env, userId, bytes, header, { ...meta, sourceType: "upload" }, mask?.bytes, rig);
      return c.json(toAvatar(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "List my avatars, newest first",
      request: { query: PageQuery },
      responses: {
        200: { description: "A page of avatars", content: { "application/json": { schema: page(Avatar) } } },
        ...errors,
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const pg = newestFirst(avatars, c.req.valid("query"));
      const rows = await db(c.env)
        .select()
        .from(avatars)
        .where(and(eq(avatars.userId, userId), pg.where))
        .orderBy(...pg.orderBy)
        .limit(pg.take);
      const { items, nextCursor } = pg.page(rows);
      const counts = await countGenerations(
        c.env,
        userId,
        items.map((a) => a.id),
      );
      return c.json({ items: items.map((a) => toAvatar(a, counts.get(a.id) ?? 0)), nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      summary: "One of my avatars",
      request: { params: IdParam },
      responses: { 200: { description: "The avatar", content: { "application/json": { schema: Avatar } } }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findOwnedAvatar(c.env, userId, c.req.valid("param").id);
      const counts = await countGenerations(c.env, userId, [row.id]);
      return c.json(toAvatar(row, counts.get(row.id) ?? 0), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: "Rename an avatar or change its metadata",
      request: {
        params: IdParam,
        body: { required: true, content: { "application/json": { schema: AvatarPatch } } },
      },
      responses: { 200: { description: "The avatar", content: { "application/json": { schema: Avatar } } }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { id } = c.req.valid("param");
      await findOwnedAvatar(c.env, userId, id);
      const [row] = await db(c.env)
        .update(avatars)
        .set(c.req.valid("json"))
        .where(and(eq(avatars.id, id), eq(avatars.userId, userId)))
        .returning();
      const counts = await countGenerations(c.env, userId, [id]);
      return c.json(toAvatar(row!, counts.get(id) ?? 0), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete an avatar and its images (generations made with it stay, with their images)",
      request: { params: IdParam },
      responses: {
        200: { description: "Deleted", content: { "application/json": { schema: DeletedAvatar } } },
        ...errors,
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findOwnedAvatar(c.env, userId, c.req.valid("param").id);
      const made = await generationsMadeWith(c.env, userId, row.id);
      const keys = [row.imageKey, row.thumbnailKey, row.cutoutKey, row.rigKey].filter((k): k is string => !!k);
      await c.env.IMAGES.delete(keys);
      // The row's foreign key sets the generations' avatar_id to null; they keep avatar_name.
      await db(c.env)
        .delete(avatars)
        .where(and(eq(avatars.id, row.id), eq(avatars.userId, userId)));
      await avatarDeleted(c.env, made);
      return c.json({ deleted: true as const, generationsKept: made.length }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/image",
      summary: "The avatar's original image",
      request: { params: IdParam },
      responses: { 200: { description: "Image bytes" }, 304: { description: "Not modified" }, ...errors },
    }),
    async (c) => {
      const row = await findOwnedAvatar(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return serveR2Object(c, row.imageKey);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/thumbnail",
      summary: "The avatar's 256 px thumbnail (JPEG)",
      request: { params: IdParam },
      responses: { 200: { description: "Image bytes" }, 304: { description: "Not modified" }, ...errors },
    }),
    async (c) => {
      const row = await findOwnedAvatar(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return serveR2Object(c, row.thumbnailKey);
    },
  );
