// The inpainting providers in the configured order (INPAINTING_PROVIDER_ORDER).
import { huggingFaceInpainting } from "./huggingface-inpainting";
import type { InpaintingProvider } from "./inpainting";
import { modelsLabInpainting } from "./modelslab-inpainting";
import { segmindInpainting } from "./segmind-inpainting";
import { workersAiInpainting } from "./workers-ai-inpainting";
import { orderedProviders } from "./provider-order";

const ADAPTERS: Record<string, (env: Env) => InpaintingProvider | null> = {
  huggingface: huggingFaceInpainting,
  segmind: segmindInpainting,
  modelslab: modelsLabInpainting,
  "workers-ai": workersAiInpainting,
};
export const INPAINTING_PROVIDER_NAMES = Object.keys(ADAPTERS);

export const configuredInpaintingProviders = (env: Env): InpaintingProvider[] =>
  orderedProviders(env, "INPAINTING_PROVIDER_ORDER", ADAPTERS);
