// What the webcam page and the pose worker say to each other: one frame at a time, never queued.
import type { Landmark } from "$shared/pose/mediapipe";

export type PoseWorkerRequest =
  /** Create the VIDEO-mode landmarker (lite model) now, before the first frame. */
  | { type: "load" }
  /** One reduced camera frame (transferred, closed by the worker); `timestampMs` only ever grows. */
  | { type: "frame"; frame: ImageBitmap; timestampMs: number };

export type PoseWorkerReply =
  | { type: "ready" }
  /** The first person's landmarks (normalised to the frame), null when nobody is in view; `detectMs` is detectForVideo alone. */
  | { type: "pose"; landmarks: Landmark[] | null; detectMs: number }
  | { type: "failed"; message: string };
