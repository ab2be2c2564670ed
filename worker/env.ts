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
