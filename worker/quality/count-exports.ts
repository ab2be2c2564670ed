// Export counts, the plan's "export rate": a single image served as a download (`?download=1`, so
// downloads can be told from views) and each result a ZIP carried. The routes have already found
// the owner's generation; these only count.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "../db/client";
import { generatedPoses } from "../db/schema";

/** One more single-image download of a generation's pose. */
export async function countDownload(env: Env, generationId: string, poseTemplateId: string): Promise<void> {
  await db(env)
    .update(generatedPoses)
    .set({ downloads: sql`${generatedPoses.downloads} + 1` })
    .where(and(eq(generatedPoses.generationId, generationId), eq(generatedPoses.poseTemplateId, poseTemplateId)));
}

/** One more ZIP export for each of the generation's poses in it: one statement, whatever their number. */
export async function countZipExport(env: Env, generationId: string, poseTemplateIds: string[]): Promise<void> {
  if (poseTemplateIds.length === 0) return;
  await db(env)
    .update(generatedPoses)
    .set({ zipExports: sql`${generatedPoses.zipExports} + 1` })
    .where(and(eq(generatedPoses.generationId, generationId), inArray(generatedPoses.poseTemplateId, poseTemplateIds)));
}
