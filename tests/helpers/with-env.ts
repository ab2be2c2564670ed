import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { app } from "../../worker/app";

/**
 * Calls the Worker with some settings changed (a fresh env object, so its own auth setup).
 * For behaviour that depends on a setting or on the Host the request arrives on.
 */
export async function fetchWithEnv(vars: Record<string, string>, url: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url, init), { ...env, ...vars } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A fetch bound to one set of settings: the same env object every call (one auth setup, one cache). */
export function withEnv(vars: Record<string, string>) {
  const bound = { ...env, ...vars } as Env;
  return async (url: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(url, init), bound, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}
