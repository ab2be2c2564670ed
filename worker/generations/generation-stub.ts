/** The Durable Object that owns a generation's run (durable-objects/generation/). */
export const generationStub = (env: Env, generationId: string) =>
  env.GENERATION.get(env.GENERATION.idFromName(generationId));
