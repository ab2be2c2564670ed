// What every part of a generation's Durable Object works on, handed from the class to the
// functions that do the work (one file per concern in this folder).

/** The object's storage and bindings. */
export interface Run {
  readonly ctx: DurableObjectState;
  readonly sql: SqlStorage;
  /** Read at each use, never kept: the object's env is the one source. */
  readonly env: Env;
}

/** A pose claimed by a worker is its own for this long before the alarm calls it stuck. */
const DEFAULT_LEASE_MS = 10 * 60_000;
/** With poses open and nothing claimed or finished for this long, their messages count as lost and are sent again. */
const DEFAULT_STALL_MS = 5 * 60_000;
/**
 * Messages one generation keeps waiting in the queue (POSE_WINDOW): enough that consumers never
 * run dry, few enough that a big batch cannot crowd out other users' poses.
 */
const DEFAULT_WINDOW = 20;
/** Provider calls one pose may make across all its rounds and deliveries (POSE_MAX_PROVIDER_CALLS). */
const DEFAULT_MAX_PROVIDER_CALLS = 20;

function setting(run: Run, name: string, fallback: number) {
  const v = Number((run.env as unknown as Record<string, string>)[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** How long a claim holds (POSE_LEASE_MS). */
export const leaseMs = (run: Run) => setting(run, "POSE_LEASE_MS", DEFAULT_LEASE_MS);
/** How long a run may see no activity before it counts as stalled (POSE_STALL_MS). */
export const stallMs = (run: Run) => setting(run, "POSE_STALL_MS", DEFAULT_STALL_MS);
/** Messages kept waiting in the queue (POSE_WINDOW). */
export const sendWindow = (run: Run) => setting(run, "POSE_WINDOW", DEFAULT_WINDOW);
/** Provider calls one pose may make in all (POSE_MAX_PROVIDER_CALLS). */
export const maxProviderCalls = (run: Run) => setting(run, "POSE_MAX_PROVIDER_CALLS", DEFAULT_MAX_PROVIDER_CALLS);
