// Load on 127.0.0.1 (autocannon): the template list and a generation's status at 64 connections,
// p50/p99 (goal p99 ≤ 20 ms, 0 errors), each as a ratio to the static file in the same run (the
// issue's goals); then two users with 50 poses each at once (BENCH_LOAD_READS_ONLY=1 skips those).
import autocannon from "autocannon";
import { startBenchStack } from "./local-worker";
import { generate, jsonBody, signUp, templateIds, uploadAvatar, type Client } from "../dev-tools/api-client";
import { runIfMain, type Figure } from "./harness/figure";

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const P99_GOAL_MS = 20;
/** The goals, as ratios to the static file in the same run: req/s at 64 connections (at least) and p50 at 1 (at most). */
const THROUGHPUT_GOALS = { anonymous: 0.7, signedIn: 0.5, generation: 0.5 };
const P50_GOAL = 1.5;

/**
 * The route at 64 connections (the goal's figure) and at 1 (what one request costs on its own).
 * Local `wrangler dev` runs every request through one workerd thread behind a Node proxy, so at 64
 * connections latency is mostly queueing; the static-file line shows that ceiling for this machine.
 */
async function hammer(name: string, url: string, headers: Record<string, string> = {}) {
  // A short warm-up, so the figures are for a running isolate, not its start.
  await autocannon({ url, connections: 8, duration: 1, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const one = await autocannon({ url, connections: 1, duration: Math.max(2, SECONDS / 2), headers });
  const errors = r.errors + r.timeouts + r.non2xx + one.errors + one.timeouts + one.non2xx;
  console.log(
    `load, ${name}: ${CONNECTIONS} connections ${Math.round(r.requests.average)} req/s, ` +
      `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (goal ≤ ${P99_GOAL_MS}) ${r.latency.p99 <= P99_GOAL_MS ? "OK" : "OVER"}; ` +
      `1 connection p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms; ${errors} errors of ${r.requests.total + one.requests.total}`,
  );
  // No answer within the run at 1 connection (a loaded machine) is no figure, not a fast one.
  return { rps: r.requests.average, p50: one.requests.total > 0 ? one.latency.p50 : Number.NaN };
}

type Hammered = Awaited<ReturnType<typeof hammer>>;

/** Each route against the static file of the same run: throughput at 64 connections and p50 at 1, with their goals. */
function ratios(base: Hammered, routes: [string, Hammered, number][]) {
  const verdict = (ok: boolean) => (ok ? "OK" : "OVER");
  const throughput = routes.map(([name, r, goal]) => {
    const x = r.rps / base.rps;
    return `${name} ${x.toFixed(2)}× (goal ≥ ${goal}×) ${verdict(x >= goal)}`;
  });
  const latency = routes.map(([name, r]) => {
    const x = r.p50 / Math.max(base.p50, 0.001);
    if (!Number.isFinite(x)) return `${name} no figure: no request finished at 1 connection (goal ≤ ${P50_GOAL}×) OVER`;
    return `${name} ${x.toFixed(2)}× (goal ≤ ${P50_GOAL}×) ${verdict(x <= P50_GOAL)}`;
  });
  console.log(`load, req/s at ${CONNECTIONS} connections ÷ the static file's: ${throughput.join("; ")}`);
  console.log(`load, p50 at 1 connection ÷ the static file's: ${latency.join("; ")}`);
}

async function fiftyPoses(user: Client) {
  const avatar = await uploadAvatar(user);
  const ids = await templateIds(user, 50);
  return async () => {
    const { ms, final } = await generate(user, { avatarId: avatar.id, poseTemplateIds: ids }, 600_000);
    return { ms, ok: final.successfulPoses };
  };
}

export async function benchApiLoad() {
  const { origin, fake, stop } = await startBenchStack(8796, {
    PROVIDER_RATE_PER_MINUTE: "100000",
    PROVIDER_CONCURRENCY: "10",
    POSE_CONCURRENCY: "20",
    AUTH_ATTEMPTS_PER_MINUTE: "1000",
  });
  try {
    const user = await signUp(origin, "Load");
    const avatar = await uploadAvatar(user);
    const g = await generate(user, { avatarId: avatar.id, poseTemplateIds: await templateIds(user, 3) });

    const base = await hammer("GET /favicon.svg (static file: this server's ceiling)", `${origin}/favicon.svg`);
    const anonymous = await hammer("GET /api/v1/templates (anonymous)", `${origin}/api/v1/templates?limit=48`);
    const signedIn = await hammer("GET /api/v1/templates (signed in)", `${origin}/api/v1/templates?limit=48`, {
      cookie: user.cookie,
    });
    const status = await hammer("GET /api/v1/generations/:id (signed in)", `${origin}/api/v1/generations/${g.id}`, {
      cookie: user.cookie,
    });
    ratios(base, [
      ["templates anonymous", anonymous, THROUGHPUT_GOALS.anonymous],
      ["templates signed in", signedIn, THROUGHPUT_GOALS.signedIn],
      ["generation status", status, THROUGHPUT_GOALS.generation],
    ]);
    if (process.env.BENCH_LOAD_READS_ONLY) return;

    // One shop alone, then two shops with 50 poses each at once; the provider answers in 1 s,
    // 10 calls at a time. Each generation keeps its window (POSE_WINDOW, 20) of messages queued,
    // so the second shop's poses do not wait behind all of the first's.
    await fetch(`${fake.url}/__fake/config`, jsonBody("POST", { latencyMs: 1000 }));
    const alone = await (await fiftyPoses(await signUp(origin, "Shop alone")))();
    console.log(
      `load, one user × 50 poses (provider 1 s, 10 at a time): ${(alone.ms / 1000).toFixed(1)} s (ideal 5 s), ${alone.ok}/50`,
    );
    const runs = await Promise.all([
      fiftyPoses(await signUp(origin, "Shop A")),
      fiftyPoses(await signUp(origin, "Shop B")),
    ]);
    const started = Date.now();
    const [a, b] = await Promise.all(runs.map((run) => run()));
    const wall = Date.now() - started;
    console.log(
      `load, two users × 50 poses at once (provider 1 s, 10 at a time): ${(wall / 1000).toFixed(1)} s in all ` +
        `(ideal ${(Math.ceil(100 / 10) * 1).toFixed(0)} s); user A ${(a!.ms / 1000).toFixed(1)} s ${a!.ok}/50, ` +
        `user B ${(b!.ms / 1000).toFixed(1)} s ${b!.ok}/50`,
    );
  } finally {
    await stop();
  }
}

export const apiLoadFigure: Figure = { name: "api load", run: () => benchApiLoad() };
await runIfMain(import.meta.url, apiLoadFigure);
