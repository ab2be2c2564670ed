// Credits: my balance, prices and daily limit; operators grant credits and set limits.
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import {
  CREDITS_PER_CANDIDATE,
  CREDITS_PER_POSE,
  CreditGrant,
  CreditGrantResult,
  Credits,
} from "../../shared/api/credits";
import { ErrorResponse } from "../../shared/api/errors";
import { creditStanding, grantCredits, nextUtcMidnight } from "../credits/ledger";
import { recentEntries } from "../credits/recent-entries";
import { db } from "../db/client";
import { user } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { indonesianNote } from "../i18n/ledger-notes-id";
import { localeOf } from "../i18n/locale";
import { requireCaller, signedIn } from "../middleware/caller";
import { jsonLimit } from "../middleware/json-limit";
import { assertOperator } from "../middleware/operator";
import { jsonResponse } from "../openapi/responses";
import { validationHook } from "../openapi/validation-hook";

const errors = {
  400: jsonResponse(ErrorResponse, "Invalid request"),
  401: jsonResponse(ErrorResponse, "Not signed in"),
};

const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
router.use("*", signedIn());
router.on("POST", "/grants", jsonLimit());

export const creditRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "My credits: balance, prices per pose, today's use of the daily limit, recent entries",
      responses: { 200: jsonResponse(Credits, "Credits"), ...errors },
    }),
    async (c) => {
      const userId = requireCaller(c).userId;
      const [standing, recent] = await Promise.all([creditStanding(c.env, userId), recentEntries(c.env, userId)]);
      return c.json(
        {
          ...standing,
          prices: { ...CREDITS_PER_POSE, candidate: CREDITS_PER_CANDIDATE },
          resetsAt: new Date(nextUtcMidnight()).toISOString(),
          recent: localeOf(c) === "id" ? recent.map((e) => ({ ...e, note: e.note && indonesianNote(e.note) })) : recent,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/grants",
      summary: "Grant (or take) credits and set a user's daily pose limit (admin role)",
      request: { body: { required: true, content: { "application/json": { schema: CreditGrant } } } },
      responses: {
        201: jsonResponse(CreditGrantResult, "The user's new standing"),
        ...errors,
        403: jsonResponse(ErrorResponse, "Not an operator"),
        404: jsonResponse(ErrorResponse, "No such user"),
      },
    }),
    async (c) => {
      const operatorId = requireCaller(c).userId;
      await assertOperator(c.env, operatorId, "grant credits");
      const grant = c.req.valid("json");
      const d = db(c.env);
      const target = await d.query.user.findFirst({ where: eq(user.email, grant.email) });
      if (!target) throw new ApiError(404, "user_not_found", `No account with the email ${grant.email}.`);
      if (grant.amount) {
        await grantCredits(c.env, {
          userId: target.id,
          amount: grant.amount,
          note: grant.note ?? null,
          by: operatorId,
        });
      }
      if (grant.dailyPoseLimit !== undefined) {
        await d.update(user).set({ dailyPoseLimit: grant.dailyPoseLimit }).where(eq(user.id, target.id));
      }
      const standing = await creditStanding(c.env, target.id);
      return c.json(
        { userId: target.id, email: target.email, balance: standing.balance, dailyPoseLimit: standing.dailyPoseLimit },
        201,
      );
    },
  );
