// The fashion stage, after the pose stage: a hijab and an outfit repainted by inpainting providers
// (masks from the keypoints, one pass each), then accessories drawn on at their anchors (no
// provider needed). Stored as fashion.jpg; the pose image stays as base.jpg for before/after.
import { FashionSettings, hasFashion } from "../../../shared/api/fashion";
import { placeAccessories } from "../../../shared/fashion/anchors";
import { hijabMask, outfitMask } from "../../../shared/fashion/regions";
import { hijabPrompt, outfitPrompt } from "../../../shared/prompts/fashion-prompt";
import { drawPlacements } from "../draw-placements";
import { inpaintPass } from "../inpaint-pass";
import { outputPose } from "../output-pose";
import { currentImage, storeStageImage } from "../stage-images";
import type { PoseContext, Stage } from "../stage";

const settingsOf = (ctx: PoseContext) =>
  ctx.generation.fashionSettings ? FashionSettings.parse(ctx.generation.fashionSettings) : null;

export const fashionStage: Stage = {
  name: "fashion",
  image: "fashion",
  applies: (ctx) => hasFashion(settingsOf(ctx)),
  async run(ctx) {
    const settings = settingsOf(ctx)!;
    let image = await currentImage(ctx);
    const pose = outputPose(ctx);
    if (settings.hijab && settings.hijab.style !== "none") {
      const { style, colour } = settings.hijab;
      image = await inpaintPass(ctx, image, hijabMask(pose, style), hijabPrompt(style, colour), "hijab");
    }
    if (settings.outfit !== "none") {
      image = await inpaintPass(ctx, image, outfitMask(pose, settings.outfit), outfitPrompt(settings.outfit), "outfit");
    }
    await storeStageImage(
      ctx,
      "fashion",
      await drawPlacements(ctx, image, placeAccessories(pose, settings.accessories)),
    );
  },
};
