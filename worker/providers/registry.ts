// Every provider adapter, in the configured order (PROVIDER_ORDER). Adding a provider is one file
// and one line here.
import { a1111Provider } from "./a1111";
import { huggingFaceProvider } from "./huggingface";
import { modelsLabProvider } from "./modelslab";
import type { PoseImageProvider } from "./provider";
import { segmindProvider } from "./segmind";
import { orderedProviders } from "./provider-order";

const ADAPTERS: Record<string, (env: Env) => PoseImageProvider | null> = {
  huggingface: huggingFaceProvider,
  a1111: a1111Provider,
  segmind: segmindProvider,
  modelslab: modelsLabProvider,
};
export const PROVIDER_NAMES = Object.keys(ADAPTERS);

/** The configured pose providers, first choice first. */
export const configuredProviders = (env: Env): PoseImageProvider[] => orderedProviders(env, "PROVIDER_ORDER", ADAPTERS);
