import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/** MAX_AVATAR_SIZE_MB in bytes (10 MB when unset or malformed). */
export function maxUploadBytes(env: Env): number {
  return config(env).uploads.maxAvatarSizeMb * 1024 * 1024;
}

/** Multipart framing and the text fields need a little room above the file's own limit. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Refuses request bodies over the upload limit before they are read or parsed. */
export const uploadLimit = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const max = maxUploadBytes(c.env);
    return bodyLimit({
      maxSize: max + MULTIPART_OVERHEAD,
      onError: () => {
        throw new ApiError(413, "file_too_large", `The file is larger than ${max / 1024 / 1024} MB.`, undefined, {
          maxMb: max / 1024 / 1024,
        });
      },
    })(c, next);
  });
