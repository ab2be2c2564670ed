// Every provider adapter, in the configured order (PROVIDER_ORDER). Adding a provider is one file
// and one line here.
import { optionalVar } from "../env";
import { a1111Provider } from "./a1111";
import { huggingFaceProvider } from "./huggingface";
import { modelsLabProvider } from "./modelslab";
import type { PoseImageProvider } from "./provider";
import { segmindProvider } from "./segmind";

const ADAPTERS: Record<string, (env: Env) => PoseImageProvider | null> = {
  huggingface: huggingFaceProvider,
  a1111: a1111Provider,
  segmind: segmindProvider,
  modelslab: modelsLabProvider,
};
export const PROVIDER_NAMES = Object.keys(ADAPTERS);

/** The configured pose providers, first choice first. */
export function configuredProviders(env: Env): PoseImageProvider[] {
  const order = (optionalVar(env, "PROVIDER_ORDER") ?? PROVIDER_NAMES.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter((name) => name in ADAPTERS);
  return order.map((name) => ADAPTERS[name]!(env)).filter((p): p is PoseImageProvider => p !== null);
}
