// The Worker bundle as `wrangler deploy` would upload it, gzipped (Cloudflare's limit is on that figure).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { run } from "../scripts/local-env.mjs";
import { runIfMain, type Figure } from "./harness/figure";
import { logFile } from "./harness/servers";

const GOAL_BYTES = 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function benchBundleSize() {
  const out = mkdtempSync(join(tmpdir(), "pose-bundle-"));
  try {
    const log = logFile("wrangler-deploy-dry-run");
    run("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", out], { stdio: ["ignore", log, log] });
    const modules = files(out).filter((f) => !f.endsWith(".map"));
    let raw = 0;
    let gzipped = 0;
    for (const path of modules) {
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `worker bundle: ${modules.length} modules, ${kib(raw)} raw, ${kib(gzipped)} gzipped (goal ≤ ${kib(GOAL_BYTES)}) ${gzipped <= GOAL_BYTES ? "OK" : "OVER"}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const bundleSizeFigure: Figure = { name: "worker bundle", run: () => benchBundleSize() };
await runIfMain(import.meta.url, bundleSizeFigure);
