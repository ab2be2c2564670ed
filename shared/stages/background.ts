// The background stage, after fashion: the person cut out (transparent PNG), or put on a
// backdrop — a built-in scene, a colour or gradient, the user's own picture, or the profession
// theme's scene — with colour matching and a contact shadow. Stored as background.jpg (.png).
import { z } from "zod";
import { SCENES, colourBackdrop } from "../background/backdrops";
import { compositeSubject, cutOut } from "../background/composite-subject";
import { PoseInputMissing } from "./pose-input-missing";
import { defineStage, type AllSettings, type StageTools } from "./stage";

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour as #RRGGBB, e.g. #e8e4dc");

/** What goes behind the person: nothing (transparent), a built-in scene, a colour or gradient, or an upload. */
export const BackgroundSettings = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("remove") }).strict(),
  z.object({ mode: z.literal("scene"), scene: z.enum(SCENES) }).strict(),
  z.object({ mode: z.literal("colour"), colour, to: colour.optional() }).strict(),
  z.object({ mode: z.literal("image"), backgroundId: z.string().min(1).max(64) }).strict(),
]);
export type BackgroundSettings = z.infer<typeof BackgroundSettings>;

/** The user's picture, gone or undecodable: running the pose again cannot help (nor should it pay again). */
const unusable = (why: string) => new PoseInputMissing(`The background picture ${why}.`, "background_unusable");

async function backdrop(settings: BackgroundSettings | null, tools: StageTools, all: AllSettings) {
  const { width, height } = tools.size;
  if (settings?.mode === "scene") return tools.scene(settings.scene);
  if (settings?.mode === "colour") return colourBackdrop(width, height, settings.colour, settings.to);
  if (settings?.mode === "image") {
    const bytes = await tools.backgroundPicture(settings.backgroundId);
    if (!bytes) throw unusable("was deleted");
    try {
      return tools.cover(bytes);
    } catch {
      throw unusable("could not be decoded; upload it again");
    }
  }
  // No background of its own: the profession theme's scene.
  const theme = typeof all.theme === "string" ? await tools.theme(all.theme) : null;
  return tools.scene(theme?.scene ?? "studio");
}

export const backgroundStage = defineStage({
  name: "background",
  image: "background",
  label: "stage.background",
  field: "backgroundSettings",
  settings: BackgroundSettings,
  applies: (settings, all) => !!settings || !!all.theme,
  async run(settings, tools, all) {
    const bytes = await tools.currentImage();
    const pose = tools.pose();
    const subject = tools.decode(bytes);
    const mask = await tools.personMask(bytes, pose);
    const out =
      settings?.mode === "remove"
        ? tools.encodePng(cutOut(subject, mask))
        : tools.encodeJpeg(
            compositeSubject(subject, mask, await backdrop(settings, tools, all), { pose, colourMatch: 0.3 }),
          );
    await tools.store(out);
  },
});
