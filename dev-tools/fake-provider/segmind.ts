// The FAKE's Segmind serverless API (a test and demo tool). Each behaviour follows Segmind's
// published contract, cited beside it:
//   PAGES = the model API pages www.segmind.com/models/<slug>/api (sdxl-openpose,
//           sd1.5-controlnet-depth/-softedge — the sd1.5 ControlNet family's shared fields —,
//           sd1.5-inpainting, sdxl-inpaint, bg-removal-v2), read 2026-11-30
//   SDK   = segmind/segmind-python @2a1aad537309bf7cd85a5c2d58a4a60807914d70
import type { ServerResponse } from "node:http";

type Reply = { status: number; body: unknown };

/**
 * The models a Segmind account can call, by slug, with the fields each one requires. The SD1.5
 * openpose slug is the SDK's (`segmindapi/ControlNet.py`: `sd1.5-controlnet-openpose`); the
 * others are their pages' URLs. Every page marks `image` and `prompt` (inpainting: also `mask`)
 * as required; bg-removal-v2 needs only `image`.
 */
const MODELS: Record<string, string[]> = {
  "sd1.5-controlnet-openpose": ["image", "prompt"],
  "sdxl-openpose": ["image", "prompt"],
  "sd1.5-inpainting": ["image", "mask", "prompt"],
  "sdxl-inpaint": ["image", "mask", "prompt"],
  "bg-removal-v2": ["image"],
};

/** sd1.5-inpainting's `img_width` / `img_height`: "Allowed values: 512, 768", default 512 (PAGES sd1.5-inpainting). */
const INPAINT_SIDES = [512, 768];

/** Segmind's error body: the SDK reads `data.get("error")` from every non-2xx answer (SDK segmind/exceptions.py L50-61). */
export const segmindError = (status: number, error: string): Reply => ({ status, body: { error } });

/** The slug of a /segmind/<slug> path, or null for another path. */
export function segmindModel(pathname: string): string | null {
  const m = /^\/segmind\/([\w.-]+)$/.exec(pathname);
  return m ? m[1]! : null;
}

/**
 * What Segmind answers before running a model, or null when the request may run: 401 without
 * `x-api-key`, 404 for a slug it does not serve, 400 for a missing required field or a size
 * sd1.5-inpainting does not allow ("Common Error Codes": 400 bad request, 401 unauthorized, 404
 * not found — PAGES bg-removal-v2 and sdxl-openpose).
 */
export function segmindCheck(
  model: string,
  apiKey: string | undefined,
  payload: Record<string, unknown>,
): Reply | null {
  if (!apiKey) return segmindError(401, "Unauthorized: x-api-key is missing or invalid.");
  const required = MODELS[model];
  if (!required) return segmindError(404, `Model ${model} not found.`);
  const missing = required.find((field) => payload[field] === undefined || payload[field] === "");
  if (missing) return segmindError(400, `${missing} is required.`);
  if (model === "sd1.5-inpainting")
    for (const field of ["img_width", "img_height"])
      if (payload[field] !== undefined && !INPAINT_SIDES.includes(Number(payload[field])))
        return segmindError(400, `${field} must be one of ${INPAINT_SIDES.join(", ")}.`);
  return null;
}

/** The size sd1.5-inpainting draws at: its img_width/img_height, each defaulting to 512 (PAGES sd1.5-inpainting). */
export function segmindInpaintSize(model: string, payload: Record<string, unknown>): [number, number] | null {
  if (model !== "sd1.5-inpainting") return null;
  return [Number(payload.img_width ?? 512), Number(payload.img_height ?? 512)];
}

/** Segmind's fault answers, each one of its documented status codes with its `{error}` body. */
export function segmindFault(
  res: ServerResponse,
  kind: string,
  json: (res: ServerResponse, s: number, b: unknown) => void,
) {
  switch (kind) {
    case "rate_limit":
      // "429 - Too Many Requests" (PAGES "Common Error Codes"); no Retry-After header is documented.
      return json(res, 429, { error: "Too many requests, please slow down." });
    case "no_credits":
      // "406 - Not Acceptable: Not enough credits" (PAGES sd3-med-pose / bg-removal-v2 "Common Error Codes").
      return json(res, 406, { error: "Not enough credits." });
    case "error500":
      // "500 - Internal Server Error" (PAGES "Common Error Codes").
      return json(res, 500, { error: "Internal Server Error" });
    case "bad_request":
      // "400 - Bad Request" (PAGES "Common Error Codes").
      return json(res, 400, { error: "Invalid image: the image could not be decoded." });
    case "hang":
      return;
    case "non_image":
      // A proxy's page in front of it: not Segmind's, but what a client can meet on the way.
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body>Service page</body></html>");
    default:
      // Segmind's v1 API has no cold-start answer: a test asking for one is wrong.
      return json(res, 500, { error: `fake provider: ${kind} is not something Segmind does` });
  }
}
