// The avatar's rig for the instant pose engine: the person's own pose and cut-out at the
// engine's working size. Owner only; another user's avatar is a 404.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { Avatar, AvatarRig } from "../../shared/api/avatars";
import { ErrorResponse } from "../../shared/api/errors";
import { countGenerations } from "../avatars/count-generations";
import { findOwnedAvatar } from "../avatars/find-owned-avatar";
import { toAvatar } from "../avatars/store-avatar";
import { replaceRig, rigKeyOf, toAvatarRig } from "../avatars/store-rig";
import type { AppEnv } from "../env";
import { requireCaller, signedIn } from "../middleware/caller";
import { uploadLimit } from "../middleware/upload-limit";
import { validationHook } from "../openapi/validation-hook";
import { serveR2Object } from "../storage/serve-r2-object";
import { CutoutField, RigPoseField } from "./avatar-rig-fields";

const error = (description: string) => ({ description, content: { "application/json": { schema: ErrorResponse } } });
const errors = {
  400: error("Invalid request"),
  401: error("Not signed in"),
  404: error("No such avatar of yours, or it has no rig yet"),
} as const;

const IdParam = z.object({ id: z.string().min(1).max(64) });

const RigForm = z.object({
  pose: RigPoseField,
  cutout: CutoutField.optional().openapi({
    description: "The person cut out (PNG with transparency) at the photo's size; optional when the avatar has one",
  }),
});

/** Another user's avatar is a 404 before its body is read: ownership is checked before validation. */
const ownedAvatarFirst = createMiddleware<AppEnv>(async (c, next) => {
  await findOwnedAvatar(c.env, requireCaller(c).userId, c.req.param("id") ?? "");
  await next();
});

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());

export const avatarRigRoutes = router
  .openapi(
    createRoute({
      method: "put",
      path: "/{id}/rig",
      summary: "Set the avatar's rig: the person's own pose (and cut-out) for the instant pose engine",
      middleware: [uploadLimit(), ownedAvatarFirst] as const,
      request: {
        params: IdParam,
        body: { required: true, content: { "multipart/form-data": { schema: RigForm } } },
      },
      responses: {
        200: { description: "The avatar, rig ready", content: { "application/json": { schema: Avatar } } },
        ...errors,
        413: error("File too large"),
        415: error("The cut-out is not a PNG"),
        422: error("A rig the engine cannot use (the code says why: rig_torso_missing, rig_mask_empty, …)"),
      },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const row = await findOwnedAvatar(c.env, userId, c.req.valid("param").id);
      const { pose, cutout } = c.req.valid("form");
      const updated = await replaceRig(c.env, row, pose, cutout);
      const counts = await countGenerations(c.env, userId, [row.id]);
      return c.json(toAvatar(updated, counts.get(row.id) ?? 0), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/rig",
      summary: "The avatar's rig: its pose (OpenPose JSON on the rig image) and the rig image's URL",
      request: { params: IdParam },
      responses: { 200: { description: "The rig", content: { "application/json": { schema: AvatarRig } } }, ...errors },
    }),
    async (c) => {
      const row = await findOwnedAvatar(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return c.json(toAvatarRig(row), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/rig/image",
      summary: "The avatar's rig image: the person cut-out at the engine's working size (RGBA PNG)",
      request: { params: IdParam },
      responses: { 200: { description: "Image bytes" }, 304: { description: "Not modified" }, ...errors },
    }),
    async (c) => {
      const row = await findOwnedAvatar(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return serveR2Object(c, rigKeyOf(row));
    },
  );
