// What the page and the background-removal worker say to each other.
export interface CutoutRequest {
  image: Blob;
}

export type CutoutReply =
  | { type: "progress"; key: string; current: number; total: number }
  | { type: "done"; image: Blob }
  | { type: "failed"; message: string };
