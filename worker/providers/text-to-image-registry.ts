// The text-to-image providers in the configured order (TEXT_PROVIDER_ORDER, default Hugging Face
// first, Workers AI as the alternative).
import { huggingFaceTextToImage } from "./huggingface-text-to-image";
import type { TextToImageProvider } from "./text-to-image";
import { workersAiTextToImage } from "./workers-ai-text-to-image";
import { orderedProviders } from "./provider-order";

const ADAPTERS: Record<string, (env: Env) => TextToImageProvider | null> = {
  huggingface: huggingFaceTextToImage,
  "workers-ai": workersAiTextToImage,
};
export const TEXT_PROVIDER_NAMES = Object.keys(ADAPTERS);

export const configuredTextProviders = (env: Env): TextToImageProvider[] =>
  orderedProviders(env, "TEXT_PROVIDER_ORDER", ADAPTERS);
