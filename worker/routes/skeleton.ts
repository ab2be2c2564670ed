import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../shared/api/errors";
import { OpenPoseQuery } from "../../shared/api/templates";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import type { AppEnv } from "../env";
import { anonymousRenderLimit } from "../middleware/anonymous-render-limit";
import { jsonLimit } from "../middleware/json-limit";
import { validationHook } from "../openapi/validation-hook";
import { readKeypoints } from "./templates/read-keypoints";
import { limitRenderSize } from "./templates/render-size-limit";

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", jsonLimit());
router.use("*", anonymousRenderLimit());

/**
 * OpenPose JSON in, the ControlNet skeleton PNG out (the same code as `npm run skeleton`); at most
 * 2048 px a side, and anonymous callers a limited number a minute per IP.
 */
export const skeletonRoutes = router.openapi(
  createRoute({
    method: "post",
    path: "/",
    summary: "Render OpenPose JSON as the ControlNet skeleton PNG",
    request: {
      query: OpenPoseQuery,
      body: { required: true, content: { "application/json": { schema: z.unknown().openapi({ type: "object" }) } } },
    },
    responses: {
      200: { description: "PNG", content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } } },
      400: { description: "Invalid keypoints", content: { "application/json": { schema: ErrorResponse } } },
      413: {
        description: "Body over 1 MB, or larger than 2048 px a side",
        content: { "application/json": { schema: ErrorResponse } },
      },
      429: {
        description: "Too many anonymous renders from this address",
        content: { "application/json": { schema: ErrorResponse } },
      },
    },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const size = limitRenderSize(query);
    const pose = readKeypoints(c.req.valid("json"), query);
    return c.body(renderSkeletonPng(pose, size), 200, { "content-type": "image/png" });
  },
);
