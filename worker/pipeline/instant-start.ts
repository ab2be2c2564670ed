// Where an AI pose starts. When the avatar has a rig the instant engine accepts, the engine first
// draws the person in the pose (kept as instant.png beside the other stage images): vendors that
// refine a starting picture get it with the generation's strength, and every vendor gets the
// skeleton the engine drew (the template's pose on the avatar's own proportions) as its control
// image. No rig, or one the engine refuses: the template's skeleton alone, as before.
import type { Pose } from "../../shared/pose/model";
import { PoseInputMissing } from "../../shared/stages/pose-input-missing";
import { config } from "../config";
import { encodePng } from "../images/rgba";
import { drawInstantPicture, INSTANT_MODEL } from "../providers/instant/pose";
import { ProviderError } from "../providers/provider";
import { instantKey, onStudioBackdrop, readRig } from "./instant-pose";
import { outputPose } from "./output-pose";
import type { PoseContext } from "./pose-context";

/** instant.png's R2 metadata when it is an AI pose's starting picture, not the pose itself. */
export const START_METADATA = { provider: "instant", model: INSTANT_MODEL, start: "true" };

export interface PoseStart {
  /** "instant": drawn by the engine from the avatar's rig; "template": the template's skeleton alone. */
  kind: "instant" | "template";
  /** The skeleton the control image shows, at the output size. */
  skeleton: Pose;
  /** The instant picture over the studio backdrop (JPEG at the output size), when drawn. */
  initImage?: Uint8Array;
  /** How much a vendor may change it (the generation's, else the setting's default). */
  initStrength?: number;
}

/** The rig's cut-out and pose, or null when the avatar has none (the AI path does not need one). */
async function rigOrNull(ctx: PoseContext) {
  try {
    return await readRig(ctx);
  } catch (err) {
    if (err instanceof PoseInputMissing) return null;
    throw err;
  }
}

/**
 * This pose's start: the instant picture and its skeleton when the rig allows, else the template's
 * skeleton. The starting JPEG is encoded only when a vendor of the chain takes one (`withInitImage`).
 */
export async function poseStart(ctx: PoseContext, withInitImage: boolean): Promise<PoseStart> {
  const target = outputPose(ctx);
  const rig = await rigOrNull(ctx);
  if (!rig) return { kind: "template", skeleton: target };
  let picture;
  try {
    picture = await drawInstantPicture({ ...rig, target }, ctx.size);
  } catch (err) {
    // A rig the engine refuses is the avatar's to fix, not a reason to fail an AI pose.
    if (err instanceof ProviderError && err.kind === "rejected") return { kind: "template", skeleton: target };
    throw err;
  }
  await ctx.env.IMAGES.put(instantKey(ctx), encodePng(picture.image), {
    httpMetadata: { contentType: "image/png" },
    customMetadata: START_METADATA,
  });
  if (!withInitImage) return { kind: "instant", skeleton: picture.skeleton };
  return {
    kind: "instant",
    skeleton: picture.skeleton,
    initImage: onStudioBackdrop(picture.image, picture.mask, ctx.size),
    initStrength: ctx.generation.initStrength ?? config(ctx.env).generations.initStrength,
  };
}
