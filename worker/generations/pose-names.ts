// The names of a generation's poses, as its results and their files are called. Recorded when the
// generation started; generations from before then read them from the templates still there.
import { inArray } from "drizzle-orm";
import { db } from "../db/client";
import { poseTemplates, type PoseGeneration } from "../db/schema";

/** Each picked pose's name by template id (the template id itself when no name is known). */
export async function poseNames(env: Env, row: PoseGeneration): Promise<Record<string, string>> {
  const recorded = row.poseNames ?? {};
  const unknown = row.selectedPoseIds.filter((id) => !recorded[id]);
  const found = unknown.length
    ? await db(env)
        .select({ id: poseTemplates.id, name: poseTemplates.name })
        .from(poseTemplates)
        .where(inArray(poseTemplates.id, unknown))
    : [];
  const names: Record<string, string> = { ...recorded };
  for (const t of found) names[t.id] = t.name;
  for (const id of row.selectedPoseIds) names[id] ??= id;
  return names;
}
