// Shared by `npm start` and the browser tests: how to run wrangler here with no internet.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const ROOT = new URL("..", import.meta.url).pathname;

/** wrangler must not try to reach Cloudflare for cf.json or metrics. */
export const WRANGLER_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  NO_D1_WARNING: "true",
};

/** What a fresh clone's .dev.vars holds: the example's defaults with a fresh random secret. */
export function freshDevVars() {
  const example = readFileSync(`${ROOT}.dev.vars.example`, "utf8");
  const secret = randomBytes(32).toString("hex");
  return example.replace(/^BETTER_AUTH_SECRET=.*$/m, `BETTER_AUTH_SECRET=${secret}`);
}

/** Creates .dev.vars from the example, with a fresh random secret, when it is missing. */
export function ensureDevVars() {
  const path = `${ROOT}.dev.vars`;
  if (existsSync(path)) return;
  writeFileSync(path, freshDevVars());
  console.log("Created .dev.vars with a fresh BETTER_AUTH_SECRET.");
}

/** Runs a command to completion in the repo, failing loudly. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: WRANGLER_ENV, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

const wrangler = `${ROOT}node_modules/.bin/wrangler`;

/** Applies D1 migrations to the local database (in persistTo when given); `options` as for run(). */
export function migrateLocal(persistTo, options = {}) {
  const extra = persistTo ? ["--persist-to", persistTo] : [];
  run(wrangler, ["d1", "migrations", "apply", "DB", "--local", ...extra], options);
}

/** Runs SQL on the local database in persistTo and returns the rows (tests and checks only). */
export function queryLocal(persistTo, sql) {
  const out = spawnSync(
    wrangler,
    ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql],
    {
      cwd: ROOT,
      env: WRANGLER_ENV,
      encoding: "utf8",
    },
  );
  if (out.status !== 0) throw new Error(`wrangler d1 execute failed: ${out.stderr}`);
  return JSON.parse(out.stdout)[0].results;
}

/** Wasm and models into web/static, then the SvelteKit build into web/build. */
export function buildWeb() {
  run(`${ROOT}node_modules/.bin/tsx`, ["scripts/build-web-assets.ts"]);
  run(`${ROOT}node_modules/.bin/svelte-kit`, ["sync"], { cwd: `${ROOT}web` });
  run(`${ROOT}node_modules/.bin/vite`, ["build", "--logLevel", "warn"], { cwd: `${ROOT}web` });
}

/**
 * Starts `wrangler dev` on 127.0.0.1 and returns the child process. `detached` puts it in its own
 * process group, so `process.kill(-child.pid)` stops wrangler and its workerd together. `envFile`
 * replaces the repo's .dev.vars (wrangler then reads that file only).
 */
export function startWorker({ port, persistTo, stdio = "inherit", vars = {}, detached = false, envFile }) {
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false"];
  if (persistTo) args.push("--persist-to", persistTo);
  if (envFile) args.push("--env-file", envFile);
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  return spawn(wrangler, args, { cwd: ROOT, stdio, env: WRANGLER_ENV, detached });
}

/** Resolves once GET /api/v1/health answers 200, or rejects after the timeout. */
export async function waitForHealth(origin, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${origin} did not become healthy within ${timeoutMs / 1000} s`);
}
