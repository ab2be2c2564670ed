// What every part of a generation's Durable Object works on, handed from the class to the
// functions that do the work (one file per concern in this folder).
import { config } from "../../worker/config";

/** The object's storage and bindings. */
export interface Run {
  readonly ctx: DurableObjectState;
  readonly sql: SqlStorage;
  /** Read at each use, never kept: the object's env is the one source. */
  readonly env: Env;
  /** The tables exist (storage.ts ensureTables): false for an object nothing was ever stored in. */
  tables: boolean;
}

// Their settings (POSE_LEASE_MS, POSE_STALL_MS, POSE_WINDOW, POSE_MAX_PROVIDER_CALLS) come from the typed config.

/** How long a claim holds before the alarm calls the pose stuck (POSE_LEASE_MS). */
export const leaseMs = (run: Run) => config(run.env).generations.leaseMs;
/** How long a run with open poses may see no claim or outcome before their messages count as lost (POSE_STALL_MS). */
export const stallMs = (run: Run) => config(run.env).generations.stallMs;
/**
 * Messages one generation keeps waiting in the queue (POSE_WINDOW): enough that consumers never
 * run dry, few enough that a big batch cannot crowd out other users' poses.
 */
export const sendWindow = (run: Run) => config(run.env).generations.window;
/** Provider calls one pose may make across all its rounds and deliveries (POSE_MAX_PROVIDER_CALLS). */
export const maxProviderCalls = (run: Run) => config(run.env).generations.maxProviderCalls;
