// The JavaScript a browser loads before the first page shows: every script index.html preloads
// or imports, gzipped. Models and wasm load later, only on the pages that need them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runIfMain, type Figure } from "./harness/figure";
import { WEB_BUILD } from "./harness/tools";

const GOAL_KIB = 120;

export function benchWebFirstLoad() {
  const build = new URL("../web/build/", import.meta.url).pathname;
  const html = readFileSync(join(build, "index.html"), "utf8");
  const scripts = new Set([...html.matchAll(/(?:href|import\()\s*=?\s*"(\/_app\/[^"]+\.js)"/g)].map((m) => m[1]!));
  let gz = 0;
  for (const path of scripts) gz += gzipSync(readFileSync(join(build, path)), { level: 9 }).length;
  const kib = gz / 1024;
  console.log(
    `web first load: ${scripts.size} scripts, ${kib.toFixed(1)} KiB JS gzipped (goal ≤ ${GOAL_KIB} KiB) ${kib <= GOAL_KIB ? "OK" : "OVER"}`,
  );
}

export const webFirstLoadFigure: Figure = {
  name: "web first load",
  needs: [WEB_BUILD],
  run: () => benchWebFirstLoad(),
};
await runIfMain(import.meta.url, webFirstLoadFigure);
