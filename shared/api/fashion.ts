import { z } from "zod";
import { ACCESSORIES } from "../fashion/anchors";
import { HIJAB_STYLES, OUTFITS } from "../fashion/regions";

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
