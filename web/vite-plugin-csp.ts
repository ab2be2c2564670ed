import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import {
  COMMON_SECURITY_HEADERS,
  CUTOUT_WORKER_CONTENT_SECURITY_POLICY,
  WORKER_SCRIPTS_PATH,
  pageContentSecurityPolicy,
} from "../shared/security/policy";

/** The SHA-256 (base64) of every inline `<script>` in an HTML page, as CSP hashes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi))
    hashes.add(createHash("sha256").update(m[1]!, "utf8").digest("base64"));
  return [...hashes];
}

/**
 * After the static build (SvelteKit's adapter writes `build/` in its own closeBundle, which runs
 * first), adds the security headers to every path in `build/_headers`: the CSP with the hash of
 * SvelteKit's inline bootstrap script, which changes with every build; and the cut-out worker's
 * own policy.
 */
export function securityHeaders(buildDir = "build"): Plugin {
  let ssr = false;
  return {
    name: "security-headers",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    closeBundle: {
      sequential: true,
      order: "post",
      handler() {
        if (!ssr) return;
        const html = readFileSync(join(buildDir, "index.html"), "utf8");
        const lines = Object.entries({
          ...COMMON_SECURITY_HEADERS,
          "Content-Security-Policy": pageContentSecurityPolicy(inlineScriptHashes(html)),
        }).map(([name, value]) => `  ${name}: ${value}`);
        const file = join(buildDir, "_headers");
        const headers = readFileSync(file, "utf8");
        if (!/^\/\*$/m.test(headers)) throw new Error(`${file} has no "/*" rule to add the security headers to`);
        // A later rule's "! Name" removes what an earlier matching rule set (Cloudflare _headers).
        const worker = [
          "",
          "# The background cut-out worker's own policy (see shared/security/policy.ts).",
          WORKER_SCRIPTS_PATH,
          "  ! Content-Security-Policy",
          `  Content-Security-Policy: ${CUTOUT_WORKER_CONTENT_SECURITY_POLICY}`,
          "",
        ].join("\n");
        writeFileSync(file, headers.replace(/^\/\*$/m, `/*\n${lines.join("\n")}`).trimEnd() + "\n" + worker);
      },
    },
  };
}
