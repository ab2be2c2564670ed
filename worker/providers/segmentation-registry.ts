// The segmentation providers in the configured order (SEGMENTATION_PROVIDER_ORDER; "none" for none).
import { huggingFaceSegmentation } from "./huggingface-segmentation";
import { orderedProviders } from "./provider-order";
import type { SegmentationProvider } from "./segmentation";
import { segmindSegmentation } from "./segmind-segmentation";

const ADAPTERS: Record<string, (env: Env) => SegmentationProvider | null> = {
  huggingface: huggingFaceSegmentation,
  segmind: segmindSegmentation,
};

export const configuredSegmentationProviders = (env: Env): SegmentationProvider[] =>
  orderedProviders(env, "SEGMENTATION_PROVIDER_ORDER", ADAPTERS);
