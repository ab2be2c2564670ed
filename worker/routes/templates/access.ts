import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { poseTemplates, type PoseTemplate } from "../../db/schema";
import { ApiError, notFound } from "../../errors";

/** A template the caller may see: public and active, or their own. Others' private ones are 404. */
export async function findReadable(env: Env, id: string, userId: string | null): Promise<PoseTemplate> {
  const row = await db(env).query.poseTemplates.findFirst({ where: eq(poseTemplates.id, id) });
  const visible = row && ((row.visibility === "public" && row.isActive) || (userId !== null && row.userId === userId));
  if (!visible) throw notFound("Template");
  return row;
}

/** A template the caller may change: their own. Visible but not theirs is 403. */
export async function findEditable(env: Env, id: string, userId: string): Promise<PoseTemplate> {
  const row = await findReadable(env, id, userId);
  if (row.userId !== userId) {
    throw new ApiError(
      403,
      "forbidden",
      row.isBuiltIn
        ? "Built-in templates cannot be changed; fork it to make your own."
        : "Only the template's owner can change it; fork it to make your own.",
    );
  }
  return row;
}

export const ownedBy = (id: string, userId: string) => and(eq(poseTemplates.id, id), eq(poseTemplates.userId, userId));
