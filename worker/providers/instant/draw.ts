// The one door to the instant pose engine (shared/instant/): the avatar's rig prepared, the target
// pose retargeted onto the avatar's proportions, the person drawn in it. The instant provider
// calls only this module, so the engine is wired into the Worker here and nowhere else.
import type { AvatarRig, InstantPicture, OutputSize, Retarget, RetargetedPose } from "../../../shared/instant/contract";
import { drawInstantPose } from "../../../shared/instant/draw-pose";
import { prepareRig } from "../../../shared/instant/prepare-rig";
import { retargetPose } from "../../../shared/instant/retarget";
import { checkRig } from "../../../shared/instant/rig-check";
import type { Pose } from "../../../shared/pose/model";

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

/** Tests only: runs the instant provider with this engine (null: the linked one again). */
export function useInstantEngine(replacement: InstantEngine<any> | null) {
  engine = replacement ?? LINKED;
}

/** The avatar of `rig` in the `target` pose at `size`: RGBA, exact mask and the skeleton it followed. */
export function drawInstant(rig: AvatarRig, target: Pose, size: OutputSize): InstantPicture {
  const prepared = engine.prepareRig(rig);
  return engine.drawInstantPose(prepared, engine.retargetPose(rig.pose, target, size), size);
}
