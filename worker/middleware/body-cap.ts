import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { jsonLimit } from "./json-limit";
import { uploadLimit } from "./upload-limit";

/**
 * Every /api/v1 body has a ceiling before anything reads it: multipart uploads the upload
 * limit (MAX_AVATAR_SIZE_MB), anything else (JSON) 1 MB. Routes may set tighter ones.
 */
export const bodyCap = () =>
  createMiddleware<AppEnv>((c, next) =>
    c.req.header("content-type")?.toLowerCase().startsWith("multipart/form-data")
      ? uploadLimit()(c, next)
      : jsonLimit()(c, next),
  );
