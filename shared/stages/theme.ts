// The theme stage, last: the profession's clothing repainted (when an inpainting provider is
// configured and the image is not transparent), then its props drawn at their anchors.
// Stored as final.jpg (.png when the background was removed).
import { z } from "zod";
import { outfitMask } from "../fashion/regions";
import { isPng } from "../images/is-png";
import { FASHION_ADVICE } from "../prompts/fashion-prompt";
import { placeProps } from "../themes/props";
import { PoseInputMissing } from "./pose-input-missing";
import { defineStage } from "./stage";

export const themeStage = defineStage({
  name: "theme",
  image: "final",
  label: "stage.theme",
  field: "professionTheme",
  /** A built-in theme (doctor, pilot, chef, teacher) or the id of one of my themes. */
  settings: z.string().min(1).max(64),
  applies: (theme) => !!theme,
  async run(id, tools) {
    const theme = await tools.theme(id);
    if (!theme) throw new PoseInputMissing(`the theme ${id} was deleted`, "theme_deleted");
    let image = await tools.currentImage();
    const pose = tools.pose();
    if (!isPng(image) && tools.canInpaint()) {
      image = await tools.inpaint(image, outfitMask(pose, "formal"), `${theme.clothing}, ${FASHION_ADVICE}`, "theme");
    }
    await tools.store(await tools.drawPlacements(image, placeProps(pose, theme.props)));
  },
});
