// What a figure needs from the machine (a program, a browser, the web build), checked before it
// runs: a figure whose tool is missing is skipped with how to install it, not crashed.
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface Requirement {
  /** What is missing, for the skip line. */
  name: string;
  present: () => boolean;
  /** How to get it. */
  hint: string;
}

/** True when `command` is an executable file in one of PATH's folders. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const FFMPEG: Requirement = {
  name: "ffmpeg",
  present: () => onPath("ffmpeg"),
  hint: "install it with `sudo apt-get install ffmpeg`",
};

export const CHROMIUM: Requirement = {
  name: "Chromium",
  present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  hint: "install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH)",
};

export const WEB_BUILD: Requirement = {
  name: "the web build (web/build)",
  present: () => existsSync(new URL("../../web/build/index.html", import.meta.url)),
  hint: "run `npm run build:web` first",
};

/** The first requirement that is not met, if any. */
export const firstMissing = (needs: Requirement[] = []) => needs.find((r) => !r.present());
