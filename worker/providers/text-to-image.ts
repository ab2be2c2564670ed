// Text-to-image providers (avatars from a description): the same ProviderError kinds, retries,
// limiter slots and metrics as the pose providers, through callProviders.
import type { ProviderImage } from "./provider";

export type TextModel = "sdxl" | "flux";

export interface TextToImageRequest {
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  seed: number;
  model: TextModel;
  signal?: AbortSignal;
  /** Sent as x-request-id where the protocol allows, so logs (and the test fake) tie calls to a request. */
  traceId?: string;
}

export interface TextToImageProvider {
  /** Stable name for settings, limiter slots and metrics ("huggingface", "workers-ai"). */
  readonly name: string;
  readonly label: string;
  /** True when it points at this machine (the fake provider for tests and demos). */
  readonly local: boolean;
  /** Estimated cost of one image in US dollars, for metrics. */
  estimatedCost(model: TextModel): number;
  textToImage(request: TextToImageRequest): Promise<ProviderImage>;
}
