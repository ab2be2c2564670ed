// How an adapter hands a vendor an image by URL: the caller (the pose pipeline) publishes the bytes
// at a short-lived URL on our own origin (worker/provider-inputs/). Adapters never store anything.

/**
 * Publishes one input image (`name` says which: "control", "init", "mask"…) and returns the URL a
 * vendor can fetch it from for the next minutes, or null when this server has no public origin.
 */
export type PublishInput = (name: string, bytes: Uint8Array, contentType: string) => Promise<string | null>;
