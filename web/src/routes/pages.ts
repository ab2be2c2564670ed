// The app's pages in the header's nav, in order, each with its strings. Adding a page: its
// +page.svelte (under (app)/ when it needs a signed-in user), its strings.ts and one line here.
import * as avatars from "./(app)/avatars/strings";
import * as dashboard from "./(app)/dashboard/strings";
import * as capture from "./capture/strings";
import * as editor from "./editor/strings";
import * as poses from "./poses/strings";
import * as studio from "./(app)/studio/strings";

/** One area's strings: English, and Bahasa Indonesia with the same keys. */
export interface Strings {
  en: Readonly<Record<string, string>>;
  id: Readonly<Record<string, string>>;
}

/** A page: its path, the key of its name in the nav (one of its own strings), and its strings. */
const page = <S extends Strings>(path: string, label: keyof S["en"] & string, strings: S) => ({ path, label, strings });

export const PAGES = [
  page("/avatars", "nav.avatars", avatars),
  page("/poses", "nav.poses", poses),
  page("/capture", "nav.capture", capture),
  page("/editor", "nav.editor", editor),
  page("/studio", "nav.studio", studio),
  page("/dashboard", "nav.dashboard", dashboard),
] as const;
