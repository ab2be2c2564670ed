// The providers of one kind that are configured, in the order a *_PROVIDER_ORDER variable names.
import { optionalVar } from "../env";

export function orderedProviders<P>(env: Env, orderVar: string, adapters: Record<string, (env: Env) => P | null>): P[] {
  return (optionalVar(env, orderVar) ?? Object.keys(adapters).join(","))
    .split(",")
    .map((s) => s.trim())
    .filter((name) => name in adapters)
    .map((name) => adapters[name]!(env))
    .filter((p): p is P => p !== null);
}
