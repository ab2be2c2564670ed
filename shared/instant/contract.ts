// The instant pose engine's contract: what goes in (an avatar's rig and a target pose), what
// comes out (the person in that pose, its exact mask and the skeleton it was drawn to). The
// Worker's provider, the browser preview and the bench all speak only these types.
import type { Pose, PosePerson } from "../pose/model";
import type { Mask } from "../raster/mask";
import type { Rgba } from "../raster/rgba";

/** An avatar as the engine needs it: the person cut-out and the person's own pose, in the same pixels. */
export interface AvatarRig {
  /** The cut-out: RGBA, alpha = the person (as the browser's background removal writes it). */
  cutout: Rgba;
  /** The person's 18 OpenPose body points in the cut-out's pixels (hands follow the wrists). */
  pose: PosePerson;
}

/** The output picture's size (the template's canvas scaled to the generation's resolution). */
export interface OutputSize {
  width: number;
  height: number;
}

/**
 * The target pose carried onto the avatar's own proportions: every one of the 18 joints placed
 * (a hidden target joint keeps the avatar's own angle), in output pixels, plus what the layering
 * needs to know.
 */
export interface RetargetedPose {
  /** 18 joints, none null, in output pixels. */
  joints: { x: number; y: number }[];
  /** Which target joints were given (true) or synthesised from the avatar's own angles (false). */
  given: boolean[];
  /** The head's similarity transform (rotation, uniform scale) from the avatar to the output. */
  head: { angle: number; scale: number };
  /** Whether the subject's left side is nearer the camera (decides which arm and leg go behind). */
  leftIsNear: boolean;
  /** Per arm, whether it crosses in front of the torso. */
  armInFront: { left: boolean; right: boolean };
}

/** Retargets a target pose onto the avatar's proportions (see shared/instant/retarget.ts). */
export type Retarget = (avatar: PosePerson, target: Pose, size: OutputSize) => RetargetedPose;

/** What the engine draws: the person in the target pose, the exact person mask, the skeleton it followed. */
export interface InstantPicture {
  /** RGBA at the output size, transparent around the person. */
  image: Rgba;
  /** 255 where the person is (the image's alpha ≥ 128), 0 elsewhere. */
  mask: Mask;
  /** The retargeted skeleton the engine drew to, as a one-person pose at the output size. */
  skeleton: Pose;
}

/** Why a rig cannot be used: a 422 whose message says what to fix. */
export class RigProblem extends Error {
  constructor(
    readonly code: "rig_torso_missing" | "rig_mask_empty" | "rig_mask_full" | "rig_mask_pose_apart" | "rig_too_small",
    message: string,
  ) {
    super(message);
  }
}
