import type { ApiKeyScope } from "../shared/api/account";
import type { Auth } from "./auth/create-auth";

/** The signed-in caller, from a session cookie or an API key. */
export interface Caller {
  userId: string;
  via: "session" | "api_key";
  /** An API key's scopes (`read`, `generate`); absent for sessions, which may do everything. */
  scopes?: readonly ApiKeyScope[];
}

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    auth: Auth;
    caller: Caller | null;
  };
};

/**
 * Optional settings that are not declared in wrangler.toml (secrets and overrides).
 * @deprecated Read settings from the typed `config(env)` (worker/config); kept only for the files
 * that have not switched yet.
 */
export function optionalVar(env: Env, name: string): string | undefined {
  const value = (env as unknown as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
