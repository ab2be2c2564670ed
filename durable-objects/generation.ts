import { DurableObject } from "cloudflare:workers";

/**
 * One instance per generation (addressed by `idFromName(generationId)`): it will own the run's
 * state and push live progress. The pipeline gives it its behaviour; here it keeps a snapshot.
 */
export class GenerationDurableObject extends DurableObject<Env> {
  /** The last state saved for this generation, or null before the run starts. */
  async snapshot(): Promise<Record<string, unknown> | null> {
    return (await this.ctx.storage.get<Record<string, unknown>>("state")) ?? null;
  }
}
