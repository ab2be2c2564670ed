// Every setting, parsed once per env object into one typed config: the app's own, the provider
// machinery's and each vendor's (declared by its descriptor). Nothing else reads a setting by name.
import type { z } from "zod";
import type { Vendor } from "../providers/vendor";
import { VENDORS } from "../providers/vendors";
import { appSettings } from "./app-settings";
import { providerSettings } from "./provider-settings";

export { AUTH_ATTEMPTS_PER_MINUTE, AUTH_FAILURES_PER_ACCOUNT } from "./app-settings";

export type Config = z.infer<typeof appSettings> & {
  providers: z.infer<typeof providerSettings>;
  /** Each vendor's parsed settings by vendor name; read them with vendorSettings(). */
  vendors: Record<string, unknown>;
};

// Per env object: tests build a fresh env for each set of settings, a Worker reuses its own.
const parsed = new WeakMap<object, Config>();

/** The typed config of this env (parsed on first use, then memoised). */
export function config(env: Env): Config {
  let c = parsed.get(env);
  if (!c) {
    c = {
      ...appSettings.parse(env),
      providers: providerSettings.parse(env),
      vendors: Object.fromEntries(VENDORS.map((v) => [v.name, v.settings.parse(env)])),
    };
    parsed.set(env, c);
  }
  return c;
}

/** One vendor's parsed settings. */
export function vendorSettings<S>(env: Env, vendor: Vendor<S>): S {
  return config(env).vendors[vendor.name] as S;
}
