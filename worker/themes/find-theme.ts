// Profession themes by id: the built-in ones, or the user's own from D1.
import { and, eq } from "drizzle-orm";
import type { ThemeView } from "../../shared/api/background";
import { BUILT_IN_THEMES, BUILT_IN_THEME_IDS } from "../../shared/themes/built-in";
import { db } from "../db/client";
import { themes, type ThemeRow } from "../db/schema";

export const builtInThemes: ThemeView[] = BUILT_IN_THEME_IDS.map((id) => ({
  id,
  ...BUILT_IN_THEMES[id],
  builtIn: true,
}));

export const toThemeView = (row: ThemeRow): ThemeView => ({
  id: row.id,
  name: row.name,
  clothing: row.clothing,
  props: row.props,
  scene: row.scene as ThemeView["scene"],
  builtIn: false,
});

/** A built-in theme by id, or the user's own; null when neither. */
export async function findTheme(env: Env, userId: string, id: string): Promise<ThemeView | null> {
  const builtIn = builtInThemes.find((t) => t.id === id);
  if (builtIn) return builtIn;
  const row = await db(env).query.themes.findFirst({ where: and(eq(themes.id, id), eq(themes.userId, userId)) });
  return row ? toThemeView(row) : null;
}
