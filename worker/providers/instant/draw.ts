// The one door to the instant pose engine (shared/instant/): the avatar's rig prepared, the target
// pose retargeted onto the avatar's proportions, the person drawn in it. The instant provider
// calls only this module, so the engine is wired into the Worker here and nowhere else.
import type { AvatarRig, InstantPicture, OutputSize, Retarget, RetargetedPose } from "../../../shared/instant/contract";
import type { Pose } from "../../../shared/pose/model";

/** The engine's three steps, as shared/instant/ exports them. */
export interface InstantEngine<Prepared = unknown> {
  /** The rig's mesh, bindings and texture (throws RigProblem for an unusable rig). */
  prepareRig(rig: AvatarRig): Prepared;
  retargetPose: Retarget;
  /** The person in the retargeted pose at the output size, with its exact mask. */
  drawInstantPose(prepared: Prepared, pose: RetargetedPose, size: OutputSize): InstantPicture;
}

/**
 * The engine linked into the Worker: null until shared/instant's prepare-rig.ts, retarget.ts and
 * draw-pose.ts are part of the build; then `{ prepareRig, retargetPose, drawInstantPose }`.
 */
const LINKED: InstantEngine<any> | null = null;

let engine: InstantEngine<any> | null = LINKED;

/** Tests only: runs the instant provider with this engine (null: the linked one again). */
export function useInstantEngine(replacement: InstantEngine<any> | null) {
  engine = replacement ?? LINKED;
}

/** The build does not include the instant engine yet: the pose fails saying so, never a blank image. */
export class InstantEngineMissing extends Error {
  constructor() {
    super("The instant pose engine is not part of this build.");
  }
}

/** The avatar of `rig` in the `target` pose at `size`: RGBA, exact mask and the skeleton it followed. */
export function drawInstant(rig: AvatarRig, target: Pose, size: OutputSize): InstantPicture {
  if (!engine) throw new InstantEngineMissing();
  const prepared = engine.prepareRig(rig);
  return engine.drawInstantPose(prepared, engine.retargetPose(rig.pose, target, size), size);
}
