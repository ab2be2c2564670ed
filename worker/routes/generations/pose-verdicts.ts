// /api/v1/generations/:id/poses/:poseId/{quality,rating,retry}: a result's pose score (posted by
// the owner's browser, recomputed here), its stars, and "try again" for a drifted pose.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../../shared/api/errors";
import { GenerationState } from "../../../shared/api/generations";
import { PoseQualityBody, PoseRatingBody, PoseVerdict } from "../../../shared/api/pose-quality";
import type { Pose } from "../../../shared/pose/model";
import type { AppEnv } from "../../env";
import { tryAgainPose } from "../../generations/try-again-pose";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonLimit } from "../../middleware/json-limit";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { ratePose, scorePose } from "../../quality/pose-verdicts";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such result of yours"),
};
const PoseParams = z.object({ id: z.string().min(1).max(64), poseId: z.string().min(1).max(80) });

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("PUT", "*", jsonLimit());

export const poseVerdictRoutes = router
  .openapi(
    createRoute({
      method: "put",
      path: "/{id}/poses/{poseId}/quality",
      summary:
        "Store the pose a detector found in a result (one person, at the image's size) and its score; the server recomputes the score (OKS against the requested skeleton) and stores its own. No detector runs on the server: a result nobody scored keeps qualityScore null.",
      request: {
        params: PoseParams,
        body: { required: true, content: { "application/json": { schema: PoseQualityBody } } },
      },
      responses: {
        200: jsonResponse(PoseVerdict, "The stored score"),
        ...errors,
        422: jsonResponse(ErrorResponse, "The score is not what the detection gives (±0.01)"),
      },
    }),
    async (c) => {
      const { id, poseId } = c.req.valid("param");
      const body = c.req.valid("json");
      const verdict = await scorePose(c.env, requireCaller(c).userId, id, poseId, {
        detection: body.detection as Pose,
        score: body.score,
      });
      return c.json(verdict, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/{id}/poses/{poseId}/rating",
      summary: "Rate a result 1–5 stars",
      request: {
        params: PoseParams,
        body: { required: true, content: { "application/json": { schema: PoseRatingBody } } },
      },
      responses: { 200: jsonResponse(PoseVerdict, "The stored rating"), ...errors },
    }),
    async (c) => {
      const { id, poseId } = c.req.valid("param");
      const verdict = await ratePose(c.env, requireCaller(c).userId, id, poseId, c.req.valid("json").rating);
      return c.json(verdict, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/poses/{poseId}/retry",
      summary:
        "Try a drifted pose again: a new image with a new seed, its credits reserved like a retry; the current image stays until the new one is made",
      request: { params: PoseParams },
      responses: {
        200: jsonResponse(GenerationState, "The generation"),
        ...errors,
        402: jsonResponse(ErrorResponse, "Not enough credits"),
        409: jsonResponse(ErrorResponse, "The pose is not drifted, or is being made"),
        429: jsonResponse(ErrorResponse, "Daily pose limit reached"),
      },
    }),
    async (c) => {
      const { id, poseId } = c.req.valid("param");
      return c.json(await tryAgainPose(c.env, requireCaller(c).userId, id, poseId), 200);
    },
  );
