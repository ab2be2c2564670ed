import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { ApiError, handleError } from "./errors";
import { detectLocale } from "./i18n/locale";
import { bodyCap } from "./middleware/body-cap";
import { resolveCaller } from "./middleware/caller";
import { enforceApiKeyScopes } from "./middleware/api-key-scope";
import { requestId } from "./middleware/request-id";
import { securityHeaders } from "./middleware/security-headers";
import { requireSession } from "./middleware/session-only";
import { requireSameOriginForCookies } from "./middleware/same-origin";
import { renderReferencePage } from "./openapi/reference-page";
import { accountRoutes } from "./routes/account";
import { authRoutes } from "./routes/auth";
import { avatarGenerationRoutes } from "./routes/avatar-generation";
import { avatarRoutes } from "./routes/avatars";
import { avatarRigRoutes } from "./routes/avatar-rig";
import { backgroundRoutes } from "./routes/backgrounds";
import { creditRoutes } from "./routes/credits";
import { metricsRoutes } from "./routes/metrics";
import { themeRoutes } from "./routes/themes";
import { generationLiveRoute, generationRoutes } from "./routes/generations";
import { poseVerdictRoutes } from "./routes/generations/pose-verdicts";
import { healthRoutes } from "./routes/health";
import { providerInputRoutes } from "./routes/provider-inputs";
import { providerRoutes } from "./routes/providers";
import { skeletonRoutes } from "./routes/skeleton";
import { templateRoutes } from "./routes/templates";
import { templateFavouriteRoutes } from "./routes/templates/favourite";

const OPENAPI_INFO = { title: "Avatar & Pose Generator API", version: "1.0.0" };

/** The API: every route under /api, one error envelope, one OpenAPI document. */
export const app = new OpenAPIHono<AppEnv>();
app.use("/api/*", requestId());
app.use("/api/*", detectLocale());
app.use("/api/*", securityHeaders());
app.use("/api/*", resolveCaller());
app.use("/api/v1/*", requireSameOriginForCookies());
app.use("/api/v1/*", enforceApiKeyScopes());
app.use("/api/v1/*", bodyCap());
// Operator actions need a signed-in session, never an API key (key management: routes/account.ts).
for (const path of ["/api/v1/credits/grants", "/api/v1/metrics/operator"]) app.use(path, requireSession());

const routes = app
  .route("/api/auth", authRoutes)
  .route("/api/v1/health", healthRoutes)
  .route("/api/v1/account", accountRoutes)
  .route("/api/v1/avatars/generate", avatarGenerationRoutes)
  .route("/api/v1/avatars", avatarRoutes)
  .route("/api/v1/avatars", avatarRigRoutes)
  .route("/api/v1/backgrounds", backgroundRoutes)
  .route("/api/v1/themes", themeRoutes)
  .route("/api/v1/metrics", metricsRoutes)
  .route("/api/v1/credits", creditRoutes)
  // A star before its template: the route table lists (and the matrix deletes) the star first.
  .route("/api/v1/templates", templateFavouriteRoutes)
  .route("/api/v1/templates", templateRoutes)
  .route("/api/v1/skeleton", skeletonRoutes)
  .route("/api/v1/providers", providerRoutes)
  .route("/api/v1/provider-inputs", providerInputRoutes)
  .route("/api/v1/generations", generationLiveRoute)
  .route("/api/v1/generations", generationRoutes)
  .route("/api/v1/generations", poseVerdictRoutes);

app.doc31("/api/v1/openapi.json", { openapi: "3.1.0", info: OPENAPI_INFO });
app.get("/api/v1/docs", (c) =>
  c.html(renderReferencePage(app.getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO }) as never)),
);
app.notFound((c) => {
  throw new ApiError(404, "not_found", "No such API route.", undefined, { path: c.req.path });
});
app.onError(handleError);

export type AppType = typeof routes;
