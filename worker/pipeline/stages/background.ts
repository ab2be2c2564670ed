// The background stage, after fashion: the person cut out (transparent PNG), or put on a
// backdrop — a built-in scene, a colour or gradient, the user's own picture, or the profession
// theme's scene — with colour matching and a contact shadow. Stored as background.jpg (.png).
import { BackgroundSettings } from "../../../shared/api/background";
import { colourBackdrop } from "../../../shared/background/backdrops";
import { sceneImage } from "../../background/scene-image";
import { compositeSubject, cutOut } from "../../../shared/background/composite-subject";
import { findBackground } from "../../background/find-background";
import { unusableBackground } from "../../background/unusable-background";
import { decodeRgba, encodeJpeg, encodePng, coverResize } from "../../images/rgba";
import { findTheme } from "../../themes/find-theme";
import { outputPose } from "../output-pose";
import { personMask } from "../person-mask";
import { currentImage, storeStageImage } from "../stage-images";
import type { PoseContext, Stage } from "../stage";

async function backdrop(ctx: PoseContext, settings: BackgroundSettings | null) {
  const { width, height } = ctx.size;
  if (settings?.mode === "scene") return sceneImage(ctx.env, settings.scene, width, height);
  if (settings?.mode === "colour") return colourBackdrop(width, height, settings.colour, settings.to);
  if (settings?.mode === "image") {
    const row = await findBackground(ctx.env, ctx.job.userId, settings.backgroundId);
    const object = row && (await ctx.env.IMAGES.get(row.imageKey));
    if (!object) throw unusableBackground("was deleted");
    const bytes = new Uint8Array(await object.arrayBuffer());
    try {
      return coverResize(bytes, width, height);
    } catch {
      throw unusableBackground("could not be decoded; upload it again");
    }
  }
  // No background of its own: the profession theme's scene.
  const theme = ctx.generation.professionTheme
    ? await findTheme(ctx.env, ctx.job.userId, ctx.generation.professionTheme)
    : null;
  return sceneImage(ctx.env, theme?.scene ?? "studio", width, height);
}

export const backgroundStage: Stage = {
  name: "background",
  image: "background",
  applies: (ctx) => !!ctx.generation.backgroundSettings || !!ctx.generation.professionTheme,
  async run(ctx) {
    const settings = ctx.generation.backgroundSettings
      ? BackgroundSettings.parse(ctx.generation.backgroundSettings)
      : null;
    const bytes = await currentImage(ctx);
    const pose = outputPose(ctx);
    const subject = decodeRgba(bytes);
    const mask = await personMask(ctx, bytes, pose);
    const out =
      settings?.mode === "remove"
        ? encodePng(cutOut(subject, mask))
        : encodeJpeg(compositeSubject(subject, mask, await backdrop(ctx, settings), { pose, colourMatch: 0.3 }));
    await storeStageImage(ctx, "background", out);
  },
};
