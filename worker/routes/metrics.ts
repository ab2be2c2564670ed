// Metrics: my own month, and (admin role) everyone's with the plan's thresholds flagged.
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { ErrorResponse } from "../../shared/api/errors";
import { Metrics, MetricsQuery, OperatorMetrics } from "../../shared/api/metrics";
import type { AppEnv } from "../env";
import { collectMetrics, collectOperatorMetrics } from "../metrics/collect-metrics";
import { requireCaller, signedIn } from "../middleware/caller";
import { assertOperator } from "../middleware/operator";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";
import { localeOf } from "../i18n/locale";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
};

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());

export const metricsRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My metrics for a month (default: this one)",
      request: { query: MetricsQuery },
      responses: { 200: jsonResponse(Metrics, "Metrics"), ...errors },
    }),
    async (c) => c.json(await collectMetrics(c.env, requireCaller(c).userId, c.req.valid("query").month), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/operator",
      summary: "Everyone's metrics, the queue, and the plan's thresholds (admin role)",
      request: { query: MetricsQuery },
      responses: {
        200: jsonResponse(OperatorMetrics, "Operator metrics"),
        ...errors,
        403: jsonResponse(ErrorResponse, "Not an operator"),
      },
    }),
    async (c) => {
      await assertOperator(c.env, requireCaller(c).userId, "see everyone's metrics");
      return c.json(await collectOperatorMetrics(c.env, c.req.valid("query").month, localeOf(c)), 200);
    },
  );
