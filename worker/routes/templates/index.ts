import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
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
import { poseTemplates } from "../../db/schema";
import type { AppEnv } from "../../env";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonLimit } from "../../middleware/json-limit";
import { localeOf } from "../../i18n/locale";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { r2Keys } from "../../storage/r2-keys";
import { keptPosePreview } from "../../templates/pose-preview";
import { findEditable, findReadable, ownedBy } from "./access";
import { readKeypoints, storedKeypoints } from "./read-keypoints";
import { limitRenderSize } from "./render-size-limit";
import { listTemplates } from "../../templates/list-templates";
import { ownTemplatesChanged } from "../../templates/own-list-memo";
import { templatesChanged } from "../../templates/public-list-memo";
import { toTemplate, viewTemplate } from "../../templates/to-template";

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
      const { items, nextCursor, shared } = await listTemplates(
        c.env,
        c.get("caller")?.userId ?? null,
        c.req.valid("query"),
        localeOf(c),
        /\bno-cache\b/i.test(c.req.header("cache-control") ?? ""),
      );
      // Anonymous pages may be kept by any cache until the kept copy's age is up (Age counts it
      // down); a signed-in page holds the caller's own rows and stars: kept by nobody.
      if (shared) {
        c.header("cache-control", `public, max-age=${shared.maxAge}`);
        c.header("age", String(Math.max(0, Math.floor((Date.now() - shared.readAt) / 1000))));
        c.header("vary", "Cookie, Authorization", { append: true });
      } else c.header("cache-control", "private, no-cache");
      return c.json({ items, nextCursor }, 200);
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
      templatesChanged();
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
      templatesChanged();
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
      templatesChanged();
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
      // A private copy: only the caller's own list changes.
      ownTemplatesChanged(userId);
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
