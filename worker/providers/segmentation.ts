// Person segmentation providers (background replacement): an image in, the person's mask out
// (a PNG, white = person). Same errors, retries, limiter and fallback chain as every provider.
export interface SegmentRequest {
  image: Uint8Array;
  signal?: AbortSignal;
  traceId?: string;
}

export interface SegmentationProvider {
  readonly name: string;
  readonly label: string;
  readonly local: boolean;
  estimatedCost(): number;
  /** The person's mask as PNG bytes: white = person, or a cut-out whose alpha is the person. */
  segment(request: SegmentRequest): Promise<Uint8Array>;
}
