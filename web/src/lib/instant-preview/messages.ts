// What the page and the instant-preview worker say to each other: a rig to prepare once per
// avatar, then one draw per pose.
import type { OutputSize } from "$shared/instant/contract";
import type { Pose, PosePerson } from "$shared/pose/model";

export type PreviewRequest =
  /** Decode the rig image, check it (checkRig) and prepare it under `key`. */
  | { type: "rig"; key: string; png: Blob; pose: PosePerson }
  /** Draw the rig of `key` in `target` at `size`. */
  | { type: "draw"; id: number; key: string; target: Pose; size: OutputSize };

export type PreviewReply =
  | { type: "rig"; key: string; ok: true; ms: number }
  /** `code` is the engine's RigProblem code when it refused the rig, null for any other failure. */
  | { type: "rig"; key: string; ok: false; code: string | null; message: string }
  /** RGBA at `width` × `height`; `ms` is the engine's time for this pose (retarget + draw). */
  | { type: "drawn"; id: number; width: number; height: number; pixels: Uint8ClampedArray<ArrayBuffer>; ms: number }
  | { type: "failed"; id: number; message: string };
