import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ThemeProp } from "../../../shared/themes/built-in";
import { user } from "./auth";
import { createdAt, id } from "./columns";

/** A user's own profession theme (the built-in ones live in shared/themes). */
export const themes = sqliteTable(
  "themes",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    clothing: text("clothing").notNull(),
    props: text("props", { mode: "json" }).$type<ThemeProp[]>().notNull(),
    scene: text("scene").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("themes_user_idx").on(t.userId)],
);

export type ThemeRow = typeof themes.$inferSelect;
