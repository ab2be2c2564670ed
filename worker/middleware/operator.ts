import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { user } from "../db/schema";
import { ApiError } from "../errors";

/** Operators are accounts with the admin role; anyone else gets a 403 saying so. */
export async function assertOperator(env: Env, userId: string, what: string) {
  const row = await db(env).query.user.findFirst({ where: eq(user.id, userId), columns: { role: true } });
  if (row?.role !== "admin") throw new ApiError(403, "forbidden", `Only operators (admin role) ${what}.`);
}
