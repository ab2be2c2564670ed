// The Worker's side of StageTools: what a stage (shared/stages/) may ask while it runs one pose,
// implemented once over the pose's context — its R2 images, its providers, D1 lookups.
import { sceneImage } from "../background/scene-image";
import { findBackground } from "../background/find-background";
import { coverResize, decodeRgba, encodeJpeg, encodePng } from "../images/rgba";
import { configuredInpaintingProviders } from "../providers/registry";
import { findTheme } from "../themes/find-theme";
import type { AnyStage } from "../../shared/stages";
import type { StageTools } from "../../shared/stages/stage";
import { drawPlacements } from "./draw-placements";
import { generatePose } from "./generate-pose";
import { inpaintPass } from "./inpaint-pass";
import { outputPose } from "./output-pose";
import { personMask } from "./person-mask";
import { currentImage, storeStageImage } from "./stage-images";
import type { PoseContext } from "./pose-context";

/** The tools `stage` runs with on this pose. */
export function stageTools(ctx: PoseContext, stage: AnyStage): StageTools {
  const { env, size } = ctx;
  const { userId } = ctx.job;
  return {
    size,
    currentImage: () => currentImage(ctx),
    store: (bytes) => storeStageImage(ctx, stage.image, bytes),
    pose: () => outputPose(ctx),
    generatePose: () => generatePose(ctx),
    canInpaint: () => configuredInpaintingProviders(env).length > 0,
    inpaint: (image, mask, prompt, pass) => inpaintPass(ctx, image, mask, prompt, pass),
    personMask: (image, pose) => personMask(ctx, image, pose),
    drawPlacements: (image, placements) => drawPlacements(ctx, image, placements),
    decode: decodeRgba,
    cover: (bytes) => coverResize(bytes, size.width, size.height),
    encodeJpeg,
    encodePng,
    scene: (scene) => sceneImage(env, scene, size.width, size.height),
    async backgroundPicture(id) {
      const row = await findBackground(env, userId, id);
      const object = row && (await env.IMAGES.get(row.imageKey));
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    theme: (id) => findTheme(env, userId, id),
  };
}
