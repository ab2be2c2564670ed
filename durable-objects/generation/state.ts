// The generation as the API shows it, read from the run's storage.
import type { GenerationState } from "../../shared/api/generations";
import type { PoseFailure } from "../../shared/generations/pose-failure";
import { providerLabel } from "../../worker/providers/registry";
import type { Run } from "./run";
import { readMeta, type PoseStatus } from "./storage";

/** A failed pose's reason code and values (stored as JSON); nulls when it has none. */
function failureFields(json: string | null) {
  const failure = json ? (JSON.parse(json) as PoseFailure) : null;
  return { errorCode: failure?.code ?? null, errorParams: failure?.params ?? null };
}

/** The generation's state with its poses; null before start. */
export function readState(run: Run): GenerationState | null {
  const meta = readMeta(run);
  if (!meta) return null;
  const rows = run.sql
    .exec<{
      template_id: string;
      status: PoseStatus;
      attempts: number;
      error: string | null;
      failure: string | null;
      provider: string | null;
      stage: string | null;
      stages_done: number;
      stage_count: number;
      has_image: number;
      image_take: number;
    }>(
      "SELECT template_id, status, attempts, error, failure, provider, stage, stages_done, stage_count, has_image, image_take FROM poses ORDER BY position",
    )
    .toArray();
  const count = (s: PoseStatus) => rows.filter((r) => r.status === s).length;
  const finished = count("succeeded") + count("failed") + count("cancelled");
  const open = (s: PoseStatus) => s === "queued" || s === "running";
  // Poses made or failed count whole; open ones by their stages done; cancelled ones not at all.
  const work =
    count("succeeded") +
    count("failed") +
    rows.reduce((sum, r) => sum + (open(r.status) && r.stage_count > 0 ? r.stages_done / r.stage_count : 0), 0);
  const base = `/api/v1/generations/${meta.generationId}`;
  return {
    id: meta.generationId,
    avatarId: meta.avatarId,
    status: meta.status,
    quality: meta.quality,
    provider: meta.provider,
    totalPoses: meta.total,
    successfulPoses: count("succeeded"),
    failedPoses: count("failed"),
    progress: Math.floor((100 * finished) / Math.max(meta.total, 1)),
    stageProgress: Math.floor((100 * work) / Math.max(meta.total, 1)),
    createdAt: new Date(meta.createdAt).toISOString(),
    completedAt: meta.completedAt ? new Date(meta.completedAt).toISOString() : null,
    downloadUrl: `${base}/download.zip`,
    poses: rows.map((r) => ({
      poseTemplateId: r.template_id,
      status: r.status,
      attempts: r.attempts,
      error: r.error,
      ...failureFields(r.failure),
      provider: r.provider,
      providerLabel: providerLabel(r.provider),
      // A pose trying again shows the image it has; a new take's image gets a new URL (cached an hour).
      imageUrl:
        r.status === "succeeded" || r.has_image
          ? `${base}/poses/${r.template_id}/image${r.image_take ? `?take=${r.image_take}` : ""}`
          : null,
      stage: r.status === "running" ? r.stage : null,
      stagesDone: r.status === "succeeded" ? r.stage_count : r.stages_done,
      stageCount: r.stage_count,
    })),
  };
}
