import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";

/** JSON bodies (templates, skeletons) stay under 1 MB. */
export const MAX_JSON_BYTES = 1024 * 1024;

export const jsonLimit = () =>
  bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "The request body is larger than 1 MB.", undefined, {
        limit: "1 MB",
      });
    },
  });
