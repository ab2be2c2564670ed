// The fashion stage, after the pose stage: a hijab and an outfit repainted by inpainting providers
// (masks from the keypoints, one pass each), then accessories drawn on at their anchors (no
// provider needed). Stored as fashion.jpg; the pose image stays as base.jpg for before/after.
import { z } from "zod";
import { ACCESSORIES, placeAccessories } from "../fashion/anchors";
import { HIJAB_STYLES, OUTFITS, hijabMask, outfitMask } from "../fashion/regions";
import { hijabPrompt, outfitPrompt } from "../prompts/fashion-prompt";
import { defineStage } from "./stage";

export const HIJAB_CHOICES = [...HIJAB_STYLES, "none"] as const;
export const OUTFIT_CHOICES = [...OUTFITS, "none"] as const;
export const DEFAULT_HIJAB_COLOUR = "#c8a99a";

/** A generation's fashion: a hijab (style and colour), accessories, an outfit. */
export const FashionSettings = z
  .object({
    hijab: z
      .object({
        style: z.enum(HIJAB_CHOICES),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #RRGGBB, e.g. #c8a99a")
          .default(DEFAULT_HIJAB_COLOUR),
      })
      .strict()
      .optional(),
    accessories: z
      .array(z.enum(ACCESSORIES))
      .max(ACCESSORIES.length, `at most ${ACCESSORIES.length} accessories`)
      .refine((a) => new Set(a).size === a.length, "each accessory at most once")
      .default([]),
    outfit: z.enum(OUTFIT_CHOICES).default("none"),
  })
  .strict();
export type FashionSettings = z.infer<typeof FashionSettings>;

/** True when the settings ask for repainting (a hijab or an outfit), which needs an inpainting provider. */
export const needsInpainting = (f: FashionSettings | null | undefined) =>
  !!f && ((f.hijab !== undefined && f.hijab.style !== "none") || f.outfit !== "none");

/** True when the fashion stage has anything to do. */
export const hasFashion = (f: FashionSettings | null | undefined) =>
  !!f && (needsInpainting(f) || f.accessories.length > 0);

export const fashionStage = defineStage({
  name: "fashion",
  image: "fashion",
  label: "stage.fashion",
  field: "fashionSettings",
  settings: FashionSettings,
  applies: (settings) => hasFashion(settings),
  async run(settings, tools) {
    let image = await tools.currentImage();
    const pose = tools.pose();
    if (settings.hijab && settings.hijab.style !== "none") {
      const { style, colour } = settings.hijab;
      image = await tools.inpaint(image, hijabMask(pose, style), hijabPrompt(style, colour), "hijab");
    }
    if (settings.outfit !== "none") {
      image = await tools.inpaint(image, outfitMask(pose, settings.outfit), outfitPrompt(settings.outfit), "outfit");
    }
    await tools.store(await tools.drawPlacements(image, placeAccessories(pose, settings.accessories)));
  },
});
