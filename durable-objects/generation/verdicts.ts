// Each made pose's verdict (its score and the score's source, the owner's stars, the skeleton it was
// asked for), kept beside the pose as its D1 row has it, so a status read needs no D1.
import type { PoseVerdict } from "../../shared/api/pose-quality";
import type { Pose } from "../../shared/pose/model";
import type { Run } from "./run";

/** A new image's verdict: scored when the provider detected its pose; no stars yet. */
export interface FreshVerdict {
  qualityScore: number | null;
  qualitySource: PoseVerdict["qualitySource"];
  requestedPose: Pose | null;
}

/** A later change: the owner's browser scored it, or the owner rated it. */
export type VerdictChange = Pick<PoseVerdict, "qualityScore" | "qualitySource"> | Pick<PoseVerdict, "rating">;

/** A pose's verdict as a view joins it (the same fields the D1 read gives). */
export interface VerdictRow extends FreshVerdict {
  poseTemplateId: string;
  rating: number | null;
}

/** A pose made a new image: its verdict starts over (none when the worker sent none). */
export function keepFreshVerdict(run: Run, templateId: string, verdict: FreshVerdict | undefined) {
  run.sql.exec(
    "UPDATE poses SET quality_score = ?, quality_source = ?, rating = NULL, requested_pose = ? WHERE template_id = ?",
    verdict?.qualityScore ?? null,
    verdict?.qualitySource ?? null,
    verdict?.requestedPose ? JSON.stringify(verdict.requestedPose) : null,
    templateId,
  );
}

/** Stores a score or a rating the owner's request just wrote to D1. */
export function changeVerdict(run: Run, templateId: string, change: VerdictChange) {
  if ("rating" in change) {
    run.sql.exec("UPDATE poses SET rating = ? WHERE template_id = ?", change.rating, templateId);
    return;
  }
  run.sql.exec(
    "UPDATE poses SET quality_score = ?, quality_source = ? WHERE template_id = ?",
    change.qualityScore,
    change.qualitySource,
    templateId,
  );
}

/** Every pose's verdict (a view shows those of poses with an image). */
export function readVerdicts(run: Run): VerdictRow[] {
  return run.sql
    .exec<{
      template_id: string;
      quality_score: number | null;
      quality_source: VerdictRow["qualitySource"];
      rating: number | null;
      requested_pose: string | null;
    }>("SELECT template_id, quality_score, quality_source, rating, requested_pose FROM poses")
    .toArray()
    .map((r) => ({
      poseTemplateId: r.template_id,
      qualityScore: r.quality_score,
      qualitySource: r.quality_source,
      rating: r.rating,
      requestedPose: r.requested_pose ? (JSON.parse(r.requested_pose) as Pose) : null,
    }));
}
