// The generation as a status read shows it, from the run alone: who may see it, the row's fields
// kept at start (the avatar id nulled when the avatar is deleted), the state and the verdicts.
import type { GenerationState } from "../../shared/api/generations";
import type { Run } from "./run";
import { readState } from "./state";
import { readMeta, writeMeta, type RowFields } from "./storage";
import { readVerdicts, type VerdictRow } from "./verdicts";

/**
 * What a status read gets: "unknown" (never started, deleted, or not this user's: the API's 404)
 * or "not_kept" (a run started before it kept the row's fields: read D1 instead).
 */
export type RunView = { state: GenerationState; row: RowFields; verdicts: VerdictRow[] } | "unknown" | "not_kept";

/** The view for `userId`, checked against the run's owner. */
export function readView(run: Run, userId: string): RunView {
  const meta = readMeta(run);
  if (!meta || meta.gone || meta.userId !== userId) return "unknown";
  if (!meta.row) return "not_kept";
  return { state: readState(run)!, row: meta.row, verdicts: readVerdicts(run) };
}

/** The generation's avatar was deleted: views show no avatar id (the name stays). */
export function avatarDeleted(run: Run) {
  const meta = readMeta(run);
  if (meta?.row) writeMeta(run, { ...meta, row: { ...meta.row, avatarId: null } });
}

/** The generation was deleted: from now on it is unknown to every read. */
export function markGone(run: Run) {
  const meta = readMeta(run);
  if (meta) writeMeta(run, { ...meta, gone: true });
}
