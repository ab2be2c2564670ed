// The text-to-image providers in the configured order (TEXT_PROVIDER_ORDER, default Hugging Face
// first, Workers AI as the alternative).
import { optionalVar } from "../env";
import { huggingFaceTextToImage } from "./huggingface-text-to-image";
import type { TextToImageProvider } from "./text-to-image";
import { workersAiTextToImage } from "./workers-ai-text-to-image";

const ADAPTERS: Record<string, (env: Env) => TextToImageProvider | null> = {
  huggingface: huggingFaceTextToImage,
  "workers-ai": workersAiTextToImage,
};
export const TEXT_PROVIDER_NAMES = Object.keys(ADAPTERS);

export function configuredTextProviders(env: Env): TextToImageProvider[] {
  return (optionalVar(env, "TEXT_PROVIDER_ORDER") ?? TEXT_PROVIDER_NAMES.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter((name) => name in ADAPTERS)
    .map((name) => ADAPTERS[name]!(env))
    .filter((p): p is TextToImageProvider => p !== null);
}
