// A signed-in user of the app under `wrangler dev`, from Node (reliability tests and bench):
// cookie session, our Origin header, and following a generation to its end.
import { readFileSync } from "node:fs";
import { FINAL_GENERATION_STATUSES } from "../shared/api/generations";

export interface Client {
  id: string;
  email: string;
  cookie: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<T>;
}

export const jsonBody = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** A caller without a session. */
export function anonymous(origin: string) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", origin);
    return fetch(`${origin}${path}`, { ...init, headers, redirect: "manual" });
  };
}

export async function signUp(origin: string, name = "Reliability"): Promise<Client> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await anonymous(origin)(
    "/api/auth/sign-up/email",
    jsonBody("POST", { email, password: "correct horse battery", name }),
  );
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const call = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    return anonymous(origin)(path, { ...init, headers });
  };
  const json = async <T>(path: string, init?: RequestInit) => {
    const r = await call(path, init);
    if (!r.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const me = await json<{ id: string }>("/api/v1/account/me");
  return { id: me.id, email, cookie, fetch: call, json };
}

export const messiJpg = () => new Uint8Array(readFileSync("tests/fixtures/messi5.jpg"));

/** Uploads the messi5.jpg fixture as an avatar. */
export async function uploadAvatar(user: Client, name = "Model") {
  const form = new FormData();
  form.set("file", new Blob([messiJpg()], { type: "image/jpeg" }), "messi5.jpg");
  form.set("name", name);
  form.set("gender", "female");
  return user.json<{ id: string }>("/api/v1/avatars", { method: "POST", body: form });
}

/** A generation's final statuses, as the API declares them. */
export const FINAL: readonly string[] = FINAL_GENERATION_STATUSES;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** n template ids the user may pose: the public library first, then forks of it as the user's own. */
export async function templateIds(user: Client, n: number): Promise<string[]> {
  const page = await user.json<{ items: { id: string }[] }>("/api/v1/templates?limit=100");
  const ids = page.items.map((t) => t.id);
  for (let i = 0; ids.length < n; i++) {
    ids.push((await user.json<{ id: string }>(`/api/v1/templates/${ids[i]}/fork`, { method: "POST" })).id);
  }
  return ids.slice(0, n);
}

export interface PoseView {
  poseTemplateId: string;
  status: string;
  attempts: number;
  imageUrl: string | null;
}
export interface GenerationView {
  id: string;
  status: string;
  progress: number;
  totalPoses: number;
  successfulPoses: number;
  failedPoses: number;
  /** When the run ended (the Durable Object's clock), once it has. */
  completedAt?: string | null;
  poses: PoseView[];
}

/**
 * Polls a generation to its end and checks every snapshot on the way: the counters agree with the
 * poses, progress is exactly the finished share (rounded down) and never goes back.
 */
export async function followGeneration(user: Client, id: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const snapshots: GenerationView[] = [];
  for (;;) {
    const res = await user.fetch(`/api/v1/generations/${id}`).catch(() => null);
    if (res?.ok) {
      const g = (await res.json()) as GenerationView;
      snapshots.push(g);
      if (FINAL.includes(g.status)) return { final: g, snapshots };
    }
    if (Date.now() > deadline) throw new Error(`generation ${id} did not finish in ${timeoutMs / 1000} s`);
    await sleep(150);
  }
}

/** Starts a generation and follows it to its end; `ms` runs from the request to the final state. */
export async function generate(user: Client, body: Record<string, unknown>, timeoutMs?: number) {
  const started = Date.now();
  const { id } = await user.json<{ id: string }>("/api/v1/generations", jsonBody("POST", body));
  const followed = await followGeneration(user, id, timeoutMs);
  return { id, ms: Date.now() - started, ...followed };
}
