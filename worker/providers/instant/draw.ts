// The one door to the instant pose engine (shared/instant/): the avatar's rig prepared, the target
// pose retargeted onto the avatar's proportions, the person drawn in it. The instant provider
// calls only this module, so the engine is wired into the Worker here and nowhere else.
import type { AvatarRig, InstantPicture, OutputSize, Retarget, RetargetedPose } from "../../../shared/instant/contract";
import { drawInstantPose } from "../../../shared/instant/draw-pose";
import { prepareRig } from "../../../shared/instant/prepare-rig";
import { retargetPose } from "../../../shared/instant/retarget";
import { checkRig } from "../../../shared/instant/rig-check";
import type { Pose, PosePerson } from "../../../shared/pose/model";
import type { Rgba } from "../../../shared/raster/rgba";
import { yieldTurn } from "../../runtime/cpu-turns";
import { PreparedRigCache, rigKey } from "./rig-cache";

/** The engine's three steps, as shared/instant/ exports them. */
export interface InstantEngine<Prepared = unknown> {
  /** The rig's mesh, bindings and texture (throws RigProblem for an unusable rig). */
  prepareRig(rig: AvatarRig): Prepared;
  retargetPose: Retarget;
  /** The person in the retargeted pose at the output size, with its exact mask. */
  drawInstantPose(prepared: Prepared, pose: RetargetedPose, size: OutputSize): InstantPicture;
}

/** The engine linked into the Worker: shared/instant's, with the rig checked before it is prepared. */
const LINKED: InstantEngine<any> = {
  prepareRig: (rig) => {
    checkRig(rig);
    return prepareRig(rig);
  },
  retargetPose,
  drawInstantPose,
};

let engine: InstantEngine<any> = LINKED;
const prepared = new PreparedRigCache<unknown>();

/** Tests only: runs the instant provider with this engine (null: the linked one again). */
export function useInstantEngine(replacement: InstantEngine<any> | null) {
  engine = replacement ?? LINKED;
  prepared.clear();
}

/** A stored rig as the provider reads it: the cut-out PNG (decoded only when not prepared yet) and the pose. */
export interface StoredRig {
  png: Uint8Array;
  pose: PosePerson;
  /** Decodes the PNG (after checking its header); called only on a cache miss. */
  decode: (png: Uint8Array) => Rgba;
}

/** Rough bytes a prepared rig holds: its typed arrays (the texture and the factors dominate). */
function bytesOf(value: unknown, depth = 0): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (!value || typeof value !== "object" || depth > 4) return 0;
  let total = 0;
  for (const v of Object.values(value)) total += bytesOf(v, depth + 1);
  return total;
}

/**
 * The avatar of `rig` in the `target` pose at `size`: RGBA, exact mask and the skeleton it
 * followed. The rig is prepared once per isolate for all its poses (rig-cache.ts).
 */
export async function drawInstant(rig: StoredRig, target: Pose, size: OutputSize): Promise<InstantPicture> {
  const key = await rigKey(rig.png, rig.pose);
  let madeNow = false;
  const ready = prepared.get(
    key,
    () => {
      madeNow = true;
      return engine.prepareRig({ cutout: rig.decode(rig.png), pose: rig.pose });
    },
    bytesOf,
  );
  // Preparing a rig is the engine's longest step: requests get in before the drawing starts.
  if (madeNow) await yieldTurn();
  return engine.drawInstantPose(ready, engine.retargetPose(rig.pose, target, size), size);
}

/** A rig made in code rather than stored (the pose library's mannequin): its pose, and how to make it. */
export interface MadeRig {
  /** Names the rig in the prepared-rig cache; change it when the rig's drawing changes. */
  key: string;
  pose: PosePerson;
  make: () => AvatarRig;
}

/** `rig` in the `target` pose at `size`; the rig is made and prepared once per isolate. */
export function drawMadeRig(rig: MadeRig, target: Pose, size: OutputSize): InstantPicture {
  const ready = prepared.get(rig.key, () => engine.prepareRig(rig.make()), bytesOf);
  return engine.drawInstantPose(ready, engine.retargetPose(rig.pose, target, size), size);
}
