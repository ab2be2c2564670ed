// The theme stage, last: the profession's clothing repainted (when an inpainting provider is
// configured and the image is not transparent), then its props drawn at their anchors.
// Stored as final.jpg (.png when the background was removed).
import { outfitMask } from "../../../shared/fashion/regions";
import { FASHION_ADVICE } from "../../../shared/prompts/fashion-prompt";
import { placeProps } from "../../../shared/themes/props";
import { configuredInpaintingProviders } from "../../providers/registry";
import { findTheme } from "../../themes/find-theme";
import { drawPlacements, isPng } from "../draw-placements";
import { inpaintPass } from "../inpaint-pass";
import { outputPose } from "../output-pose";
import { currentImage, storeStageImage } from "../stage-images";
import type { Stage } from "../stage";

export const themeStage: Stage = {
  name: "theme",
  image: "final",
  applies: (ctx) => !!ctx.generation.professionTheme,
  async run(ctx) {
    const theme = await findTheme(ctx.env, ctx.job.userId, ctx.generation.professionTheme!);
    if (!theme) throw new Error(`the theme ${ctx.generation.professionTheme} was deleted`);
    let image = await currentImage(ctx);
    const pose = outputPose(ctx);
    if (!isPng(image) && configuredInpaintingProviders(ctx.env).length > 0) {
      image = await inpaintPass(
        ctx,
        image,
        outfitMask(pose, "formal"),
        `${theme.clothing}, ${FASHION_ADVICE}`,
        "theme",
      );
    }
    await storeStageImage(ctx, "final", await drawPlacements(ctx, image, placeProps(pose, theme.props)));
  },
};
