// Inpainting providers (hijab and outfit): an image, a mask (white = repaint) and a prompt in;
// the repainted image out. Same ProviderError kinds, retries, limiter and fallback chain as poses.
import type { ProviderImage } from "./provider";
import type { PublishInput } from "./publish-input";

export interface InpaintRequest {
  /** The pose image so far (JPEG). */
  image: Uint8Array;
  /** PNG, white where to repaint, the image's size. */
  mask: Uint8Array;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  seed?: number;
  signal?: AbortSignal;
  traceId?: string;
  /** For vendors that fetch their inputs by URL: publishes an image on our origin for a few minutes. */
  publishInput?: PublishInput;
}

export interface InpaintingProvider {
  readonly name: string;
  readonly label: string;
  readonly local: boolean;
  /** Estimated cost of one image in US dollars, for metrics. */
  estimatedCost(): number;
  inpaint(request: InpaintRequest): Promise<ProviderImage>;
}
