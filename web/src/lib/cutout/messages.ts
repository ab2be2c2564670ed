// What the page and the background-removal worker say to each other.

/**
 * @imgly's "small" model is isnet_quint8, "medium" isnet_fp16 (the app serves "small" only), both
 * at 1024²; "small-512" is the small one rewritten for a 512² input (isnet-cutout.ts).
 */
export type CutoutModel = "small" | "medium" | "small-512";

export type CutoutRequest =
  /** Download the model and runtime and build the session now, so a later cut only runs inference. */
  { type: "preload"; model?: CutoutModel } | { type: "cut"; id: number; image: Blob; model?: CutoutModel };

export type CutoutReply =
  | { type: "progress"; id: number | null; key: string; current: number; total: number }
  | { type: "ready" }
  | { type: "done"; id: number; image: Blob }
  | { type: "failed"; id: number | null; message: string };
