// The public template list is kept in the isolate for TEMPLATE_CACHE_SECONDS: it says so in its
// headers, varies on the language, shows this isolate's changes at once and another isolate's
// (a D1 write it is not told of) once that age is over; a signed-in list stays the caller's own,
// its own part kept under the caller's id and dropped by the caller's own writes.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN, call, signUp, type TestUser } from "./helpers/users";
import { withEnv } from "./helpers/with-env";

type T = { id: string; name: string; favourite: boolean; mine: boolean; fidelityRate: number | null };
type Page = { items: T[]; nextCursor: string | null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BUILT_IN = "builtin-hand-on-hip";

async function page(res: Response): Promise<Page> {
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

/** A template of `owner`'s, on a plain standing figure. */
async function template(owner: TestUser, visibility: "public" | "private", name = `cache ${visibility}`) {
  // prettier-ignore
  const xy = [256,110, 256,170, 196,170, 186,270, 180,360, 316,170, 326,270, 332,360,
    226,380, 222,520, 220,660, 286,380, 290,520, 292,660, 246,100, 266,100, 232,108, 280,108];
  const points = xy.flatMap((v, i) => (i % 2 ? [v, 1] : [v]));
  const res = await owner.fetch("/api/v1/templates", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name,
      category: "custom",
      visibility,
      keypoints: { canvas_width: 512, canvas_height: 768, people: [{ pose_keypoints_2d: points }] },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as T).id;
}

/** Every page of a list, walked by its cursor. */
async function walk(fetcher: (path: string) => Promise<Response>, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const body = await page(await fetcher(`/api/v1/templates?${query}${cursor ? `&cursor=${cursor}` : ""}`));
    ids.push(...body.items.map((t) => t.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

describe("the public template list, kept for TEMPLATE_CACHE_SECONDS", () => {
  it("states its max age and age, and varies on language and credentials", async () => {
    const res = await call("/api/v1/templates?limit=3");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(Number(res.headers.get("age"))).toBeGreaterThanOrEqual(0);
    expect(Number(res.headers.get("age"))).toBeLessThanOrEqual(30);
    const vary = res.headers.get("vary")?.toLowerCase() ?? "";
    for (const header of ["accept-language", "cookie", "authorization"]) expect(vary).toContain(header);

    const user = await signUp();
    const mine = await user.fetch("/api/v1/templates?limit=3");
    expect(mine.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("keeps each language apart", async () => {
    const named = async (language: string) => {
      const body = await page(await call("/api/v1/templates?limit=100", { headers: { "accept-language": language } }));
      return body.items.find((t) => t.id === BUILT_IN)!.name;
    };
    const [en, id] = [await named("en"), await named("id")];
    expect(en).toBe("Hand on hip");
    expect(id).not.toBe(en);
    // Again, from the kept pages: each language still its own.
    expect(await named("id")).toBe(id);
    expect(await named("en")).toBe(en);
  });

  it("shows a template made, renamed or deleted in this isolate at once", async () => {
    const owner = await signUp();
    const before = await page(await call("/api/v1/templates?limit=100"));
    const id = await template(owner, "public");
    expect(before.items.map((t) => t.id)).not.toContain(id);
    expect((await page(await call("/api/v1/templates?limit=100"))).items.map((t) => t.id)).toContain(id);

    const renamed = await owner.fetch(`/api/v1/templates/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "renamed at once" }),
    });
    expect(renamed.status).toBe(200);
    const after = await page(await call("/api/v1/templates?limit=100"));
    expect(after.items.find((t) => t.id === id)?.name).toBe("renamed at once");

    expect((await owner.fetch(`/api/v1/templates/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await page(await call("/api/v1/templates?limit=100"))).items.map((t) => t.id)).not.toContain(id);
  });

  it("shows a rate written through another isolate once its max age is over, not before", async () => {
    const app = withEnv({ TEMPLATE_CACHE_SECONDS: "1" });
    // A query of its own, so no other test's kept page (with the default age) answers it.
    const url = `${ORIGIN}/api/v1/templates?limit=5&category=walking`;
    const first = await page(await app(url));
    expect(first.items.length).toBeGreaterThan(0);
    const target = first.items[0]!;
    const moved = target.fidelityRate === 0.25 ? 0.75 : 0.25;
    await env.DB.prepare("update pose_templates set fidelity_rate = ? where id = ?").bind(moved, target.id).run();
    const kept = await app(url);
    expect(kept.headers.get("cache-control")).toBe("public, max-age=1");
    expect((await page(kept)).items[0]!.fidelityRate).toBe(target.fidelityRate);
    await sleep(1_100);
    expect((await page(await app(url))).items[0]!.fidelityRate).toBe(moved);
  });

  it("a signed-in list takes the public part from the kept page too, as old as its max age at most", async () => {
    const app = withEnv({ TEMPLATE_CACHE_SECONDS: "1" });
    const user = await signUp();
    const url = `${ORIGIN}/api/v1/templates?limit=5&category=professional`;
    const signedIn = async () => (await page(await app(url, { headers: { cookie: user.cookie } }))).items;
    const target = (await signedIn())[0]!;
    const moved = target.fidelityRate === 0.125 ? 0.625 : 0.125;
    await env.DB.prepare("update pose_templates set fidelity_rate = ? where id = ?").bind(moved, target.id).run();
    expect((await signedIn())[0]!.fidelityRate).toBe(target.fidelityRate);
    await sleep(1_100);
    expect((await signedIn())[0]!.fidelityRate).toBe(moved);
  });

  it("a signed-in list has the caller's own templates and stars, fresh, and nobody else's", async () => {
    const [a, b] = [await signUp(), await signUp()];
    // Kept pages first, then the changes: the signed-in lists must not come from them alone.
    await page(await a.fetch("/api/v1/templates?limit=100"));
    await page(await b.fetch("/api/v1/templates?limit=100"));
    const secret = await template(a, "private", "a's secret");
    const shared = await template(a, "public", "a's shared");
    expect((await a.fetch(`/api/v1/templates/${BUILT_IN}/favourite`, { method: "PUT" })).status).toBe(200);

    const listA = (await page(await a.fetch("/api/v1/templates?limit=100"))).items;
    expect(listA.find((t) => t.id === secret)).toMatchObject({ mine: true });
    expect(listA.find((t) => t.id === BUILT_IN)?.favourite).toBe(true);
    const listB = (await page(await b.fetch("/api/v1/templates?limit=100"))).items;
    expect(listB.map((t) => t.id)).not.toContain(secret);
    expect(listB.find((t) => t.id === BUILT_IN)?.favourite).toBe(false);
    expect(listB.find((t) => t.id === shared)).toMatchObject({ mine: false });
    const anonymous = (await page(await call("/api/v1/templates?limit=100"))).items;
    expect(anonymous.map((t) => t.id)).not.toContain(secret);
  });

  it("a caller's own fork and unstar show on their next list at once; nobody else's list changes", async () => {
    const [a, b] = [await signUp(), await signUp()];
    const list = async (user: TestUser) => (await page(await user.fetch("/api/v1/templates?limit=100"))).items;
    expect((await a.fetch(`/api/v1/templates/${BUILT_IN}/favourite`, { method: "PUT" })).status).toBe(200);
    expect((await list(a)).find((t) => t.id === BUILT_IN)?.favourite).toBe(true);
    const bBefore = await list(b);
    const fork = await a.fetch(`/api/v1/templates/${BUILT_IN}/fork`, { method: "POST" });
    expect(fork.status).toBe(201);
    const copy = ((await fork.json()) as T).id;
    expect((await list(a)).find((t) => t.id === copy)).toMatchObject({ mine: true, favourite: false });
    expect((await a.fetch(`/api/v1/templates/${BUILT_IN}/favourite`, { method: "DELETE" })).status).toBe(200);
    expect((await list(a)).find((t) => t.id === BUILT_IN)?.favourite).toBe(false);
    // b's kept entry is b's: a's private copy and stars never reach it.
    const bAfter = await list(b);
    expect(bAfter.map((t) => t.id)).not.toContain(copy);
    expect(bAfter.find((t) => t.id === BUILT_IN)?.favourite).toBe(false);
    expect(bAfter.map((t) => t.id)).toEqual(bBefore.map((t) => t.id));
  });

  it("the caller's own rows changed through another isolate show once their max age is over, not before", async () => {
    const app = withEnv({ TEMPLATE_CACHE_SECONDS: "2" });
    const owner = await signUp();
    const shared = await template(owner, "public", "gone elsewhere");
    const ids = async () =>
      (await page(await app(`${ORIGIN}/api/v1/templates?limit=100`, { headers: { cookie: owner.cookie } }))).items.map(
        (t) => t.id,
      );
    expect(await ids()).toContain(shared);
    // A delete this isolate is not told of (another isolate's): kept here for its max age at most.
    await env.DB.prepare("delete from pose_templates where id = ?").bind(shared).run();
    expect(await ids()).toContain(shared);
    await sleep(2_100);
    expect(await ids()).not.toContain(shared);
  });

  it("the owner asking with Cache-Control: no-cache reads their own rows fresh: another isolate's delete is gone at once", async () => {
    const owner = await signUp();
    const shared = await template(owner, "public", "gone elsewhere at once");
    const ids = async (headers: Record<string, string> = {}) =>
      (await page(await owner.fetch("/api/v1/templates?limit=100", { headers }))).items.map((t) => t.id);
    expect(await ids()).toContain(shared);
    await env.DB.prepare("delete from pose_templates where id = ?").bind(shared).run();
    expect(await ids({ "cache-control": "no-cache" })).not.toContain(shared);
    // The fresh read is what is kept now: the next plain list agrees.
    expect(await ids()).not.toContain(shared);
  });

  it("a signed-in list walked page by page is exactly what the database holds for the caller", async () => {
    const user = await signUp();
    const own = [await template(user, "private", "p1"), await template(user, "public", "p2")];
    const expected = await env.DB.prepare(
      "select id from pose_templates where (visibility = 'public' and is_active = 1) or user_id = ? order by created_at desc, id desc",
    )
      .bind(await userId(user))
      .all<{ id: string }>();
    const walked = await walk((p) => user.fetch(p), "limit=6");
    expect(walked).toEqual(expected.results.map((r) => r.id));
    for (const id of own) expect(walked).toContain(id);
  });
});

async function userId(user: TestUser): Promise<string> {
  return ((await (await user.fetch("/api/v1/account/me")).json()) as { id: string }).id;
}
