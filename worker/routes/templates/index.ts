import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { and, eq, or, sql } from "drizzle-orm";
import { ErrorResponse } from "../../../shared/api/errors";
import { PageQuery, page } from "../../../shared/api/pagination";
import {
  NewTemplate,
  SkeletonSize,
  Template,
  TemplatePatch,
  TemplateQuery,
  TemplateWithKeypoints,
  OpenPoseQuery,
} from "../../../shared/api/templates";
import { OPENPOSE_FLAVOURS, writeOpenPoseFlavour } from "../../../shared/pose/openpose-flavours";
import { readOpenPose } from "../../../shared/pose/openpose-json";
import { renderSkeletonPng } from "../../../shared/skeleton/render-png";
import { copyText } from "../../../shared/templates/localise";
import { db } from "../../db/client";
import { newestFirst } from "../../db/pagination";
import { poseTemplates } from "../../db/schema";
import type { AppEnv } from "../../env";
import { ApiError } from "../../errors";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonLimit } from "../../middleware/json-limit";
import { localeOf } from "../../i18n/locale";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { r2Keys } from "../../storage/r2-keys";
import { starredBy } from "../../templates/favourites";
import { keptPosePreview } from "../../templates/pose-preview";
import { findEditable, findReadable, ownedBy } from "./access";
import { readKeypoints, storedKeypoints } from "./read-keypoints";
import { limitRenderSize } from "./render-size-limit";
import { textSearch } from "./text-search";
import { toTemplate, viewTemplate, viewTemplates } from "./to-template";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  403: jsonResponse(ErrorResponse, "Not the owner"),
  404: jsonResponse(ErrorResponse, "No such template visible to you"),
};
const IdParam = z.object({ id: z.string().min(1).max(80) });
const png = {
  description: "PNG image",
  content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } },
};

/** The stored pose of a template row. */
const poseOf = (row: { keypointsJson: string }) => readOpenPose(JSON.parse(row.keypointsJson)).pose;

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.on(["POST", "PATCH"], "*", jsonLimit());
router.use("/:id/fork", signedIn());

export const templateRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "Browse templates: everyone's public ones plus mine",
      request: { query: PageQuery.extend(TemplateQuery.shape) },
      responses: { 200: jsonResponse(page(Template), "A page of templates"), 400: errors[400] },
    }),
    async (c) => {
      const userId = c.get("caller")?.userId ?? null;
      const query = c.req.valid("query");
      const locale = localeOf(c);
      if (query.mine === "true" && !userId)
        throw new ApiError(401, "unauthenticated", "Sign in to list your own templates.");
      const onlyStarred = query.favourites === "1" || query.favourites === "true";
      if (onlyStarred && !userId) throw new ApiError(401, "unauthenticated", "Sign in to list your favourite poses.");
      const t = poseTemplates;
      const visible =
        query.mine === "true"
          ? eq(t.userId, userId!)
          : userId
            ? or(and(eq(t.visibility, "public"), eq(t.isActive, true)), eq(t.userId, userId))
            : and(eq(t.visibility, "public"), eq(t.isActive, true));
      const pg = newestFirst(t, query);
      const rows = await db(c.env)
        .select()
        .from(t)
        .where(
          and(
            visible,
            query.category ? eq(t.category, query.category) : undefined,
            query.difficulty ? eq(t.difficulty, query.difficulty) : undefined,
            query.gender ? or(eq(t.gender, query.gender), eq(t.gender, "any")) : undefined,
            query.tag ? sql`exists (select 1 from json_each(${t.tags}) where value = ${query.tag})` : undefined,
            textSearch(query.q, locale),
            onlyStarred ? starredBy(c.env, userId!) : undefined,
            pg.where,
          ),
        )
        .orderBy(...pg.orderBy)
        .limit(pg.take);
      const { items, nextCursor } = pg.page(rows);
      return c.json({ items: await viewTemplates(c.env, items, userId, locale), nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Create a template from OpenPose JSON",
      middleware: [signedIn()] as const,
      request: {
        query: OpenPoseQuery,
        body: { required: true, content: { "application/json": { schema: NewTemplate } } },
      },
      responses: {
        201: jsonResponse(TemplateWithKeypoints, "Created"),
        ...errors,
        413: jsonResponse(ErrorResponse, "Body over 1 MB"),
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { keypoints, ...fields } = c.req.valid("json");
      const pose = readKeypoints(keypoints, c.req.valid("query"));
      const [row] = await db(c.env)
        .insert(poseTemplates)
        .values({
          ...fields,
          userId,
          keypointsJson: storedKeypoints(pose),
          canvasWidth: pose.canvasWidth,
          canvasHeight: pose.canvasHeight,
        })
        .returning();
      return c.json({ ...toTemplate(row!, userId, localeOf(c)), keypoints: JSON.parse(row!.keypointsJson) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      summary: "One template with its keypoints",
      request: { params: IdParam },
      responses: { 200: jsonResponse(TemplateWithKeypoints, "The template"), 404: errors[404] },
    }),
    async (c) => {
      const userId = c.get("caller")?.userId ?? null;
      const row = await findReadable(c.env, c.req.valid("param").id, userId);
      return c.json(await viewTemplate(c.env, row, userId, localeOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      summary: "Change my template (fields, keypoints, visibility)",
      middleware: [signedIn()] as const,
      request: {
        params: IdParam,
        body: { required: true, content: { "application/json": { schema: TemplatePatch } } },
      },
      responses: { 200: jsonResponse(TemplateWithKeypoints, "The template"), ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { id } = c.req.valid("param");
      await findEditable(c.env, id, userId);
      const { keypoints, ...fields } = c.req.valid("json");
      const pose = keypoints === undefined ? null : readKeypoints(keypoints);
      const [row] = await db(c.env)
        .update(poseTemplates)
        .set({
          ...fields,
          ...(pose && {
            keypointsJson: storedKeypoints(pose),
            canvasWidth: pose.canvasWidth,
            canvasHeight: pose.canvasHeight,
          }),
        })
        .where(ownedBy(id, userId))
        .returning();
      if (pose) await c.env.IMAGES.delete(r2Keys.templatePreview(id));
      return c.json(await viewTemplate(c.env, row!, userId, localeOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete my template",
      middleware: [signedIn()] as const,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const { id } = c.req.valid("param");
      await findEditable(c.env, id, userId);
      await db(c.env).delete(poseTemplates).where(ownedBy(id, userId));
      await c.env.IMAGES.delete(r2Keys.templatePreview(id));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/fork",
      summary: "Copy a template I can see into a private one of my own",
      request: { params: IdParam },
      responses: { 201: jsonResponse(TemplateWithKeypoints, "The copy"), 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const source = await findReadable(c.env, c.req.valid("param").id, userId);
      const copy = copyText({ ...source, description: source.description ?? null }, localeOf(c));
      const [row] = await db(c.env)
        .insert(poseTemplates)
        .values({
          userId,
          name: copy.name,
          description: copy.description,
          category: source.category,
          keypointsJson: source.keypointsJson,
          canvasWidth: source.canvasWidth,
          canvasHeight: source.canvasHeight,
          difficulty: source.difficulty,
          tags: source.tags,
          gender: source.gender,
          productPlacement: source.productPlacement,
          visibility: "private",
          forkedFromId: source.id,
        })
        .returning();
      return c.json({ ...toTemplate(row!, userId, localeOf(c)), keypoints: JSON.parse(row!.keypointsJson) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/openpose.json",
      summary:
        "The template's keypoints as OpenPose JSON for a tool: ?flavour=editor (default), a1111, comfyui or native",
      request: { params: IdParam, query: z.object({ flavour: z.enum(OPENPOSE_FLAVOURS).default("editor") }) },
      responses: { 200: jsonResponse(z.unknown(), "OpenPose JSON"), 404: errors[404] },
    }),
    async (c) => {
      const row = await findReadable(c.env, c.req.valid("param").id, c.get("caller")?.userId ?? null);
      c.header("content-disposition", `inline; filename="${row.id}.openpose.json"`);
      return c.json(writeOpenPoseFlavour(poseOf(row), c.req.valid("query").flavour), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/skeleton.png",
      summary: "The ControlNet skeleton image (optionally at ?width=&height=)",
      request: { params: IdParam, query: SkeletonSize },
      responses: {
        200: png,
        400: errors[400],
        404: errors[404],
        413: jsonResponse(ErrorResponse, "Larger than 2048 px a side"),
      },
    }),
    async (c) => {
      const size = limitRenderSize(c.req.valid("query"));
      const row = await findReadable(c.env, c.req.valid("param").id, c.get("caller")?.userId ?? null);
      const bytes = renderSkeletonPng(poseOf(row), size);
      return c.body(bytes, 200, {
        "content-type": "image/png",
        "cache-control": `${row.visibility === "public" ? "public" : "private"}, max-age=300`,
      });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/preview.png",
      summary: "The card preview: a mannequin in the pose (PNG 256×384), kept in R2",
      request: { params: IdParam },
      responses: { 200: png, 404: errors[404] },
    }),
    async (c) => {
      const row = await findReadable(c.env, c.req.valid("param").id, c.get("caller")?.userId ?? null);
      const bytes = await keptPosePreview(c.env.IMAGES, r2Keys.templatePreview(row.id), () => poseOf(row));
      return c.body(bytes, 200, {
        "content-type": "image/png",
        "cache-control": `${row.visibility === "public" ? "public" : "private"}, max-age=300`,
      });
    },
  );
