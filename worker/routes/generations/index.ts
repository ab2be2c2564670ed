// /api/v1/generations: parse the request, call the generation service (worker/generations/),
// shape the response.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../../shared/api/errors";
import { ExportSizeQuery } from "../../../shared/api/export-size";
import { GenerationState, GenerationSummary, NewGeneration } from "../../../shared/api/generations";
import { PageQuery, page } from "../../../shared/api/pagination";
import type { AppEnv } from "../../env";
import { cancelGeneration, retryFailedPoses } from "../../generations/control-generation";
import { deleteGeneration } from "../../generations/delete-generation";
import { downloadEntries, framedPoseImage, poseImage } from "../../generations/generation-images";
import { listGenerations, readGeneration } from "../../generations/generation-view";
import { startGeneration } from "../../generations/start-generation";
import { requireCaller, signedIn } from "../../middleware/caller";
import { jsonLimit } from "../../middleware/json-limit";
import { jsonResponse } from "../../openapi/responses";
import { validationHook } from "../../openapi/validation-hook";
import { serveR2Object } from "../../storage/serve-r2-object";
import { countDownload, countZipExport } from "../../quality/count-exports";
import { zipStream } from "./download-zip";
import { StageImage } from "../../../shared/stages";
import { localeOf } from "../../i18n/locale";

export { generationLiveRoute } from "./live";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
  404: jsonResponse(ErrorResponse, "No such generation of yours"),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("POST", "/", jsonLimit());

export const generationRoutes = router
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Generate an avatar in several poses",
      request: { body: { required: true, content: { "application/json": { schema: NewGeneration } } } },
      responses: {
        202: jsonResponse(GenerationState, "Started"),
        ...errors,
        402: jsonResponse(ErrorResponse, "Not enough credits"),
        409: jsonResponse(ErrorResponse, "No provider configured"),
        429: jsonResponse(ErrorResponse, "Daily pose limit reached"),
      },
    }),
    async (c) => c.json(await startGeneration(c.env, requireCaller(c).userId, c.req.valid("json"), localeOf(c)), 202),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My generations, newest first",
      request: { query: PageQuery },
      responses: { 200: jsonResponse(page(GenerationSummary), "A page of generations"), ...errors },
    }),
    async (c) => c.json(await listGenerations(c.env, requireCaller(c).userId, c.req.valid("query"), localeOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      summary:
        "A generation's state and its poses (for polling), each with its pose score and rating; `?include=requestedPose` adds the skeleton each result was made to",
      request: {
        params: IdParam,
        query: z.object({ include: z.enum(["requestedPose"]).optional() }),
      },
      responses: { 200: jsonResponse(GenerationState, "The generation"), ...errors },
    }),
    async (c) => {
      const requestedPose = c.req.valid("query").include === "requestedPose";
      const id = c.req.valid("param").id;
      return c.json(await readGeneration(c.env, requireCaller(c).userId, id, localeOf(c), { requestedPose }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      summary: "Delete a generation: it stops, and its poses and every stage image go",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      await deleteGeneration(c.env, requireCaller(c).userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/cancel",
      summary: "Stop the remaining poses",
      request: { params: IdParam },
      responses: { 200: jsonResponse(GenerationState, "The generation"), ...errors },
    }),
    async (c) => c.json(await cancelGeneration(c.env, requireCaller(c).userId, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      summary: "Run the failed poses again (their credits are reserved again)",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(GenerationState, "The generation"),
        ...errors,
        402: jsonResponse(ErrorResponse, "Not enough credits"),
        429: jsonResponse(ErrorResponse, "Daily pose limit reached"),
      },
    }),
    async (c) => c.json(await retryFailedPoses(c.env, requireCaller(c).userId, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/poses/{poseId}/image",
      summary: `One generated pose image: the final one, or ?stage=${StageImage.options.filter((s) => s !== "final").join("|")} for an earlier stage; ?aspect=…&fit=pad|crop frames it in a marketplace's aspect ratio around the person`,
      request: {
        params: IdParam.extend({ poseId: z.string().min(1).max(80) }),
        query: ExportSizeQuery.extend({
          stage: StageImage.default("final"),
          /** `1`: as an attachment named `<avatar>-<pose name>[-<w>x<h>].<ext>` (the extension its type's). */
          download: z.enum(["1"]).optional(),
        }),
      },
      responses: {
        200: { description: "JPEG, or PNG where the background was removed" },
        304: { description: "Not modified" },
        ...errors,
        422: jsonResponse(ErrorResponse, "The image cannot be framed (too large)"),
      },
    }),
    async (c) => {
      const { id, poseId } = c.req.valid("param");
      const { stage, download, aspect, fit } = c.req.valid("query");
      const userId = requireCaller(c).userId;
      const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
      if (aspect) {
        const framed = await framedPoseImage(c.env, userId, id, poseId, stage, { aspect, fit });
        const headers: Record<string, string> = {
          "content-type": framed.contentType,
          "cache-control": "private, no-store",
        };
        if (download) headers["content-disposition"] = attachment(framed.fileName);
        return new Response(framed.bytes, { headers });
      }
      const { key, fileName } = await poseImage(c.env, userId, id, poseId, stage);
      const res = await serveR2Object(c, key);
      if (download) res.headers.set("content-disposition", attachment(fileName));
      if (download && res.status === 200) await countDownload(c.env, id, poseId);
      return res;
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/download.zip",
      summary:
        "Every successful image of a generation as a ZIP; ?aspect=…&fit=pad|crop frames each in that aspect ratio",
      request: { params: IdParam, query: ExportSizeQuery },
      responses: { 200: { description: "ZIP archive" }, ...errors },
    }),
    async (c) => {
      const { aspect, fit } = c.req.valid("query");
      const size = aspect ? { aspect, fit } : undefined;
      const userId = requireCaller(c).userId;
      const { generationId, entries, poseIds } = await downloadEntries(c.env, userId, c.req.valid("param").id, size);
      await countZipExport(c.env, generationId, poseIds);
      const ratio = aspect ? `-${aspect.replace(":", "x")}` : "";
      return new Response(zipStream(entries), {
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="poses-${generationId.slice(0, 8)}${ratio}.zip"`,
          "cache-control": "private, no-store",
        },
      });
    },
  );
