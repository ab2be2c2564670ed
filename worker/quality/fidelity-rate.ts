// A template's fidelity rate, beside its success rate: the share of its scored results (any
// owner's) whose pose score reaches POSE_MIN_OKS. Recomputed from generated_poses whenever a score
// is written, so it always agrees with the stored scores.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { config } from "../config";
import { db } from "../db/client";
import { generatedPoses, poseTemplates } from "../db/schema";
import { templatesChanged } from "../templates/public-list-memo";

/** The statement that brings `templateId`'s fidelity rate up to date (run it in the score's batch). */
export function updateFidelityRate(env: Env, templateId: string) {
  const minOks = config(env).quality.minOks;
  // The list this isolate keeps shows the new rate on its next read (others' within their max age).
  templatesChanged();
  const scored = and(eq(generatedPoses.poseTemplateId, templateId), isNotNull(generatedPoses.qualityScore));
  return db(env)
    .update(poseTemplates)
    .set({
      fidelityRate: sql`(select avg(case when ${generatedPoses.qualityScore} >= ${minOks} then 1.0 else 0.0 end) from ${generatedPoses} where ${scored})`,
    })
    .where(eq(poseTemplates.id, templateId));
}
