// The run's own SQL storage: the meta row, one row per pose, one per ended pose round; and the
// upgrade of runs stored by earlier versions (columns added later, meta once kept in KV).
import type { GenerationStatus, PoseState } from "../../shared/api/generations";
import type { Run } from "./run";

export type PoseStatus = PoseState["status"];

/** The run as a whole. */
export interface Meta {
  generationId: string;
  userId: string;
  avatarId: string;
  quality: "sd" | "hd";
  provider: string | null;
  total: number;
  status: GenerationStatus;
  createdAt: number;
  completedAt: number | null;
  /** Cancels asked for so far: a retry that sees this change while it reserves stops. */
  cancels?: number;
  /** What the D1 row adds to the view, kept here so a status read needs no D1; absent in runs started before. */
  row?: RowFields;
  /** The generation was deleted: it is unknown from then on. */
  gone?: boolean;
}

/** The generation row's fields a view shows beyond the run (written at start; the avatar id nulled when it is deleted). */
export interface RowFields {
  avatarId: string | null;
  avatarName: string | null;
  poseNames: Record<string, string>;
  initStrength: number | null;
  stageSettings: Record<string, unknown>;
}

/** A pose's row, as claims and the watchdog read it. */
export type PoseRow = {
  status: PoseStatus;
  round: number;
  lease_until: number | null;
  attempts: number;
  provider_calls: number;
  round_calls: number;
  /** 1 once the pose has an image that a new take must not erase until it succeeds. */
  has_image: number;
  take: number;
  auto_tries: number;
};

/** True once the object has its tables: it was started (or asked to work) before. */
export const hasTables = (sql: SqlStorage) =>
  sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'").one().n > 0;

/**
 * Creates the tables, adding the columns that runs stored by earlier versions lack. Only a run
 * that starts or works creates them: an object only read (an unknown id) stores nothing.
 */
export function createTables(sql: SqlStorage) {
  sql.exec(`CREATE TABLE IF NOT EXISTS poses (
      template_id TEXT PRIMARY KEY, position INTEGER NOT NULL, status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, error TEXT, provider TEXT,
      round INTEGER NOT NULL DEFAULT 0, lease_until INTEGER, sent INTEGER NOT NULL DEFAULT 0)`);
  // Runs stored before the send window had every message sent at the start.
  const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('poses')").toArray();
  if (!columns.some((c) => c.name === "sent")) sql.exec("ALTER TABLE poses ADD COLUMN sent INTEGER NOT NULL DEFAULT 1");
  // Provider calls per pose: across every round (the cap) and in the current round (metrics).
  if (!columns.some((c) => c.name === "provider_calls")) {
    sql.exec("ALTER TABLE poses ADD COLUMN provider_calls INTEGER NOT NULL DEFAULT 0");
    sql.exec("ALTER TABLE poses ADD COLUMN round_calls INTEGER NOT NULL DEFAULT 0");
  }
  // The stage a running pose is at, and how many of its stages are done (the bar counts them).
  if (!columns.some((c) => c.name === "stage")) {
    sql.exec("ALTER TABLE poses ADD COLUMN stage TEXT");
    sql.exec("ALTER TABLE poses ADD COLUMN stages_done INTEGER NOT NULL DEFAULT 0");
    sql.exec("ALTER TABLE poses ADD COLUMN stage_count INTEGER NOT NULL DEFAULT 0");
  }
  // Try again (a new image for a pose that has one): the take its next images are stored under,
  // the take of the image it shows, whether it has an image to keep, and the server's own tries.
  if (!columns.some((c) => c.name === "take")) {
    sql.exec("ALTER TABLE poses ADD COLUMN take INTEGER NOT NULL DEFAULT 0");
    sql.exec("ALTER TABLE poses ADD COLUMN image_take INTEGER NOT NULL DEFAULT 0");
    sql.exec("ALTER TABLE poses ADD COLUMN has_image INTEGER NOT NULL DEFAULT 0");
    sql.exec("ALTER TABLE poses ADD COLUMN auto_tries INTEGER NOT NULL DEFAULT 0");
  }
  // A failed pose's reason as code and values (JSON), said in the reader's language (pose-failure.ts).
  if (!columns.some((c) => c.name === "failure")) sql.exec("ALTER TABLE poses ADD COLUMN failure TEXT");
  // A made pose's verdict as the D1 row has it (score, its source, stars, the requested skeleton as JSON).
  if (!columns.some((c) => c.name === "rating")) {
    sql.exec("ALTER TABLE poses ADD COLUMN quality_score REAL");
    sql.exec("ALTER TABLE poses ADD COLUMN quality_source TEXT");
    sql.exec("ALTER TABLE poses ADD COLUMN rating INTEGER");
    sql.exec("ALTER TABLE poses ADD COLUMN requested_pose TEXT");
  }
  // The run's meta lives in SQL, read and written synchronously: no other call can slip in
  // between reading it and writing it back.
  sql.exec("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL)");
  // Each pose round's credit outcome, once the round is over: spend (made) or refund (not).
  // outcome NULL marks a round a retry is reserving. settled: the ledger has been told.
  sql.exec(`CREATE TABLE IF NOT EXISTS pose_rounds (
      template_id TEXT NOT NULL, round INTEGER NOT NULL, outcome TEXT, settled INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (template_id, round))`);
  // The provider that made a spent round: the instant engine's poses cost no credits.
  const roundColumns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('pose_rounds')").toArray();
  if (!roundColumns.some((c) => c.name === "provider")) sql.exec("ALTER TABLE pose_rounds ADD COLUMN provider TEXT");
}

/** Runs stored before meta moved into SQL kept it in KV: it moves over once. */
export async function migrateKvMeta(run: Run) {
  const old = await run.ctx.storage.get<Meta>("meta");
  if (!old) return;
  ensureTables(run);
  if (!readMeta(run)) writeMeta(run, old);
}

/** Creates the tables the first time this object is asked to store something. */
export function ensureTables(run: Run) {
  if (run.tables) return;
  createTables(run.sql);
  run.tables = true;
}

/** The run's meta; null before start. */
export function readMeta(run: Run): Meta | null {
  if (!run.tables) return null;
  const row = run.sql.exec<{ value: string }>("SELECT value FROM meta WHERE id = 1").toArray()[0];
  return row ? (JSON.parse(row.value) as Meta) : null;
}

/** Replaces the run's meta. */
export function writeMeta(run: Run, meta: Meta) {
  run.sql.exec("INSERT OR REPLACE INTO meta (id, value) VALUES (1, ?)", JSON.stringify(meta));
}

/** One pose's row, or undefined for a template not in this run. */
export function readPose(run: Run, templateId: string): PoseRow | undefined {
  return run.sql
    .exec<PoseRow>(
      "SELECT status, round, lease_until, attempts, provider_calls, round_calls, has_image, take, auto_tries FROM poses WHERE template_id = ?",
      templateId,
    )
    .toArray()[0];
}

/** How many poses have this status. */
export function countPoses(run: Run, status: PoseStatus) {
  return run.sql.exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE status = ?", status).one().n;
}

/** How many poses are still queued or running. */
export function countOpenPoses(run: Run) {
  return run.sql.exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE status IN ('queued', 'running')").one().n;
}
