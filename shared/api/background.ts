import { z } from "zod";
import { THEME_PROPS, THEME_SCENE_CHOICES } from "../themes/built-in";
import { textField } from "./fields";

/** A theme a user saves: POST /api/v1/themes. */
export const NewTheme = z
  .object({
    name: textField(60),
    clothing: textField(300),
    props: z
      .array(z.enum(THEME_PROPS))
      .max(3, "at most 3 props")
      .refine((p) => new Set(p).size === p.length, "each prop at most once")
      .default([]),
    scene: z.enum(THEME_SCENE_CHOICES),
  })
  .strict();

export const ThemeView = z.object({
  id: z.string(),
  name: z.string(),
  clothing: z.string(),
  props: z.array(z.enum(THEME_PROPS)),
  scene: z.enum(THEME_SCENE_CHOICES),
  builtIn: z.boolean(),
});
export type ThemeView = z.infer<typeof ThemeView>;

export const BackgroundImage = z.object({
  id: z.string(),
  imageUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  createdAt: z.string(),
});
