// Every route in the API's own route table (its OpenAPI document, plus the WebSocket route) ×
// anonymous / another user / the owner. Another user's calls name the owner's things; nothing of
// the owner's may come back or change. The owner is never refused their own things.
import { describe, expect, inject, it } from "vitest";
import { anonymous, jsonBody, signUp, type Client } from "../../dev-tools/api-client";
import { ownerFixtures, type OwnerFixtures } from "./helpers/owner-fixtures";

const origin = inject("origin");

/** Routes anyone may call; everything else answers 401 to an anonymous caller. */
const PUBLIC = new Set([
  "GET /api/v1/health",
  "GET /api/v1/templates",
  "GET /api/v1/templates/{id}",
  "GET /api/v1/templates/{id}/openpose.json",
  "GET /api/v1/templates/{id}/skeleton.png",
  "GET /api/v1/templates/{id}/preview.png",
  "POST /api/v1/skeleton",
  "GET /api/v1/providers",
]);
/** Operator-only routes: 403 to every signed-in user without the admin role, owner included. */
const OPERATOR = new Set(["GET /api/v1/metrics/operator", "POST /api/v1/credits/grants"]);
/**
 * Routes whose URL is the grant (a sealed token a provider fetches): no session is asked, so the
 * owner calls with the token the pipeline would make and everyone else with a forged one (404).
 */
const SEALED = new Set(["GET /api/v1/provider-inputs/{token}"]);
/** Outside OpenAPI: the generation's live WebSocket (without an upgrade header it answers 426). */
const EXTRA = ["GET /api/v1/generations/{id}/live"];

interface Route {
  method: string;
  path: string;
  key: string;
  body: "json" | "multipart" | null;
}

/** The owner's thing each path parameter names; a route with a parameter not here fails the test. */
function fillPath(path: string, f: OwnerFixtures, who: "anonymous" | "other" | "owner"): string {
  const byPrefix: [RegExp, string][] = [
    [/^\/api\/v1\/account\/api-keys\/\{id\}/, f.apiKeyId],
    [/^\/api\/v1\/avatars\/generate\/\{candidateId\}/, f.candidateId],
    [/^\/api\/v1\/avatars\/\{id\}/, f.avatarId],
    [/^\/api\/v1\/backgrounds\/\{id\}/, f.backgroundId],
    [/^\/api\/v1\/themes\/\{id\}/, f.themeId],
    [/^\/api\/v1\/templates\/\{id\}/, f.templateId],
    [/^\/api\/v1\/generations\/\{id\}/, f.generationId],
  ];
  let out = path;
  for (const [re, value] of byPrefix) {
    const param = /\{(\w+)\}/.exec(path)?.[0];
    if (param && re.test(path)) out = out.replace(param, value);
  }
  out = out.replace("{poseId}", f.templateId);
  out = out.replace("{token}", who === "owner" ? f.providerInput.granted : f.providerInput.forged);
  if (/\{\w+\}/.test(out)) throw new Error(`no owner fixture for a parameter of ${path}: add one`);
  return out;
}

/** A body that names the owner's things where the route takes references. */
function bodyFor(route: Route, f: OwnerFixtures, owner: Client): RequestInit["body"] {
  if (route.body === "multipart") return new FormData();
  if (route.body !== "json") return undefined;
  const bodies: Record<string, unknown> = {
    "POST /api/v1/generations": { avatarId: f.avatarId, poseTemplateIds: [f.templateId], professionTheme: f.themeId },
    "PATCH /api/v1/avatars/{id}": { name: "renamed by someone else" },
    "PATCH /api/v1/templates/{id}": { name: "renamed by someone else" },
    "POST /api/v1/avatars/generate/{candidateId}/save": { name: "taken" },
    "POST /api/v1/credits/grants": { email: owner.email, amount: 1000 },
    "POST /api/v1/account/api-keys": { name: "mine" },
    // Nobody found in the result: score 0, as the server recomputes it.
    "PUT /api/v1/generations/{id}/poses/{poseId}/quality": {
      detection: { canvasWidth: 512, canvasHeight: 768, people: [{ body: Array(18).fill(null) }] },
      score: 0,
    },
    "PUT /api/v1/generations/{id}/poses/{poseId}/rating": { rating: 5 },
  };
  return JSON.stringify(bodies[route.key] ?? {});
}

async function routeTable(): Promise<Route[]> {
  const doc = (await (await fetch(`${origin}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const types = Object.keys(op.requestBody?.content ?? {});
      const body = types.includes("multipart/form-data") ? "multipart" : types.length ? "json" : null;
      routes.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, body });
    }
  }
  for (const key of EXTRA) {
    const [method, path] = key.split(" ") as [string, string];
    routes.push({ method, path, key, body: null });
  }
  return routes;
}

describe("authorization matrix", () => {
  it("every route × anonymous / other user / owner: 0 leaks, 0 changes by others, 0 5xx", async () => {
    const owner = await signUp(origin, "Owner");
    const other = await signUp(origin, "Other");
    const f = await ownerFixtures(owner);
    const routes = await routeTable();
    expect(routes.length).toBeGreaterThanOrEqual(40);
    const ownerSecrets = [f.marker, owner.email, owner.id];
    const problems: string[] = [];
    const call = async (who: "anonymous" | "other" | "owner", route: Route) => {
      const fetcher = who === "anonymous" ? anonymous(origin) : who === "other" ? other.fetch : owner.fetch;
      const body = bodyFor(route, f, owner);
      const headers: Record<string, string> = route.body === "json" ? { "content-type": "application/json" } : {};
      const res = await fetcher(fillPath(route.path, f, who), { method: route.method, headers, body });
      const text = new TextDecoder("latin1").decode(await res.arrayBuffer());
      if (res.status >= 500) problems.push(`${who} ${route.key}: ${res.status}`);
      return { status: res.status, text };
    };

    const counts = { anonymous: 0, other: 0, owner: 0 };
    // Others first: afterwards, the owner's things must be exactly as they were.
    for (const route of routes) {
      const anon = await call("anonymous", route);
      counts.anonymous++;
      if (SEALED.has(route.key)) {
        if (anon.status !== 404)
          problems.push(`anonymous ${route.key} with a forged token: ${anon.status}, expected 404`);
      } else if (!PUBLIC.has(route.key) && anon.status !== 401)
        problems.push(`anonymous ${route.key}: ${anon.status}, expected 401`);
      if (PUBLIC.has(route.key) && route.path.includes("{") && anon.status !== 404)
        problems.push(`anonymous ${route.key} of a private template: ${anon.status}, expected 404`);

      const theirs = await call("other", route);
      counts.other++;
      const leaked = ownerSecrets.filter((s) => theirs.text.includes(s));
      if (leaked.length) problems.push(`other ${route.key} (${theirs.status}) leaked ${leaked.join(", ")}`);
      if (OPERATOR.has(route.key)) {
        if (theirs.status !== 403) problems.push(`other ${route.key}: ${theirs.status}, expected 403`);
      } else if (route.path.includes("{") && ![403, 404].includes(theirs.status)) {
        problems.push(`other ${route.key}: ${theirs.status}, expected 403 or 404`);
      } else if (route.key === "POST /api/v1/generations" && theirs.status !== 404) {
        problems.push(`other ${route.key} with the owner's avatar: ${theirs.status}, expected 404`);
      }
    }

    const avatar = await owner.json<{ name: string }>(`/api/v1/avatars/${f.avatarId}`);
    expect(avatar.name).toBe(`${f.marker} avatar`);
    const template = await owner.json<{ name: string }>(`/api/v1/templates/${f.templateId}`);
    expect(template.name).toBe(`${f.marker} template`);
    const generation = await owner.json<{ status: string }>(`/api/v1/generations/${f.generationId}`);
    expect(generation.status).toBe("completed");
    // The candidate list: the owner's candidate is listed to the owner, and to no one else.
    const candidatesOf = async (who: Client) =>
      (await who.json<{ items: { id: string }[] }>("/api/v1/avatars/generate")).items.map((c) => c.id);
    expect(await candidatesOf(owner)).toContain(f.candidateId);
    expect(await candidatesOf(other)).not.toContain(f.candidateId);
    // The owner's favourite stays starred after others tried to unstar it, and is listed to no one else.
    const favouritesOf = async (who: Client) =>
      (await who.json<{ items: { id: string }[] }>("/api/v1/templates?favourites=1")).items.map((t) => t.id);
    expect(await favouritesOf(owner)).toEqual([f.templateId]);
    expect(await favouritesOf(other)).toEqual([]);

    // The owner last, deletions at the very end.
    const ordered = [...routes.filter((r) => r.method !== "DELETE"), ...routes.filter((r) => r.method === "DELETE")];
    for (const route of ordered) {
      const mine = await call("owner", route);
      counts.owner++;
      const expectRefusal = OPERATOR.has(route.key);
      if (expectRefusal && mine.status !== 403) problems.push(`owner ${route.key}: ${mine.status}, expected 403`);
      if (!expectRefusal && [401, 403, 404].includes(mine.status))
        problems.push(`owner ${route.key}: refused with ${mine.status}`);
    }
    console.log(
      `authorization matrix: ${routes.length} routes × 3 callers = ${counts.anonymous + counts.other + counts.owner} calls, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  });
});
