import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import seedSql from "../migrations/0001_builtin_templates.sql?raw";
import { templateSeedSql } from "../scripts/template-seed-sql";
import { readOpenPose } from "../shared/pose/openpose-json";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { pngSize } from "./helpers/png";
import { call, signUp, type TestUser } from "./helpers/users";

type T = {
  id: string;
  name: string;
  category: string;
  tags: string[];
  gender: string;
  difficulty: string;
  visibility: string;
  mine: boolean;
  skeletonUrl: string;
  previewUrl: string;
  openposeUrl: string;
  isBuiltIn: boolean;
  forkedFromId: string | null;
  keypoints?: unknown;
};
type Page = { items: T[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string } };

const fixtures = import.meta.glob("./fixtures/openpose/*.json", { eager: true, import: "default" });
const editorJson = () => structuredClone(fixtures["./fixtures/openpose/openpose-editor.json"]);
const a1111Json = () =>
  structuredClone(fixtures["./fixtures/openpose/a1111-controlnet.json"]) as Record<string, unknown>;
const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function listAll(fetcher: (p: string) => Promise<Response>, query = ""): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetcher(`/api/v1/templates?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    const pageBody = (await res.json()) as Page;
    all.push(...pageBody.items);
    cursor = pageBody.nextCursor;
  } while (cursor);
  return all;
}

async function createTemplate(user: TestUser, visibility: "public" | "private", keypoints: unknown = a1111Json()) {
  const res = await user.fetch(
    "/api/v1/templates",
    jsonInit("POST", { name: `t-${visibility}`, category: "custom", visibility, tags: ["mine"], keypoints }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as T;
}

describe("built-in template library", () => {
  it("the seed migration matches the library code", () => {
    expect(seedSql).toBe(templateSeedSql());
  });

  it("lists ≥ 40 public built-ins to anonymous callers, each with a working skeleton.png", async () => {
    const all = await listAll((p) => call(p));
    const builtIns = all.filter((t) => t.isBuiltIn);
    expect(builtIns.length).toBeGreaterThanOrEqual(40);
    for (const t of builtIns) {
      expect(t.visibility).toBe("public");
      const res = await call(t.skeletonUrl);
      expect(res.status, t.id).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 512, height: 768 });
    }
  });

  it("filters by category, tag, gender, difficulty and text", async () => {
    const hijab = await listAll((p) => call(p), "&category=hijab-modest-fashion");
    expect(hijab.length).toBeGreaterThanOrEqual(4);
    expect(hijab.every((t) => t.category === "hijab-modest-fashion")).toBe(true);
    const tagged = await listAll((p) => call(p), "&tag=skincare");
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((t) => t.tags.includes("skincare"))).toBe(true);
    const female = await listAll((p) => call(p), "&gender=female");
    expect(female.every((t) => t.gender === "female" || t.gender === "any")).toBe(true);
    expect(female.some((t) => t.gender === "female")).toBe(true);
    const male = await listAll((p) => call(p), "&gender=male");
    expect(male.some((t) => t.gender === "female")).toBe(false);
    const complex = await listAll((p) => call(p), "&difficulty=complex");
    expect(complex.length).toBeGreaterThan(0);
    expect(complex.every((t) => t.difficulty === "complex")).toBe(true);
    const walking = await listAll((p) => call(p), "&q=walk");
    expect(walking.length).toBeGreaterThanOrEqual(4);
    const none = await listAll((p) => call(p), `&q=${encodeURIComponent("100%_zz")}`);
    expect(none).toHaveLength(0);
  });

  it("pages with a cursor without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(`/api/v1/templates?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      const body = (await res.json()) as Page;
      body.items.forEach((t) => {
        expect(seen.has(t.id)).toBe(false);
        seen.add(t.id);
      });
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(5);
    expect(seen.size).toBeGreaterThanOrEqual(40);
  });

  it("serves the preview from R2, rendering it on first request", async () => {
    const id = "builtin-hand-on-hip";
    await env.IMAGES.delete(`templates/${id}/preview.png`);
    const res = await call(`/api/v1/templates/${id}/preview.png`);
    expect(res.status).toBe(200);
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 256, height: 384 });
    expect(await env.IMAGES.head(`templates/${id}/preview.png`)).not.toBeNull();
  });
});

describe("creating templates", () => {
  for (const name of Object.keys(fixtures)) {
    it(`accepts ${name.split("/").pop()} and renders exactly what the shared renderer draws`, async () => {
      const user = await signUp();
      const json = structuredClone(fixtures[name]);
      const t = await createTemplate(user, "private", json);
      const skeleton = new Uint8Array(await (await user.fetch(t.skeletonUrl)).arrayBuffer());
      expect(skeleton).toEqual(renderSkeletonPng(readOpenPose(json).pose));
      const direct = await call("/api/v1/skeleton", jsonInit("POST", json));
      expect(new Uint8Array(await direct.arrayBuffer())).toEqual(skeleton);
      const stored = await (await user.fetch(t.openposeUrl)).json();
      expect(readOpenPose(stored).pose.people).toHaveLength(readOpenPose(json).pose.people.length);
    });
  }

  it("renders the skeleton at a requested size", async () => {
    const res = await call("/api/v1/skeleton?width=1024&height=1536", jsonInit("POST", editorJson()));
    expect(res.status).toBe(200);
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1024, height: 1536 });
    const bad = await call("/api/v1/skeleton?width=99999", jsonInit("POST", editorJson()));
    expect(bad.status).toBe(400);
  });

  describe("refuses malformed keypoints with a 4xx JSON error", () => {
    const body = (pose: number[]) => ({ canvas_width: 512, canvas_height: 512, people: [{ pose_keypoints_2d: pose }] });
    const cases: [string, () => string, number][] = [
      [
        "Infinity (1e999)",
        () => JSON.stringify(body(Array(54).fill(1))).replace('"pose_keypoints_2d":[1', '"pose_keypoints_2d":[1e999'),
        400,
      ],
      [
        "NaN (not JSON)",
        () => JSON.stringify(body(Array(54).fill(1))).replace('"pose_keypoints_2d":[1', '"pose_keypoints_2d":[NaN'),
        400,
      ],
      // Points past the canvas are kept (detectors write them); one absurdly far away is refused.
      ["a point out of range", () => JSON.stringify(body([1e6, 10, 1, ...Array(51).fill(0)])), 400],
      ["a wrong length", () => JSON.stringify(body(Array(50).fill(1))), 400],
      [
        "more than 10 people",
        () =>
          JSON.stringify({
            canvas_width: 512,
            canvas_height: 512,
            people: Array(11).fill({ pose_keypoints_2d: Array(54).fill(0) }),
          }),
        400,
      ],
      ["no people", () => JSON.stringify({ canvas_width: 512, canvas_height: 512, people: [] }), 400],
      ["strings for numbers", () => JSON.stringify(body(Array(54).fill("1") as never)), 400],
      ["a body over 1 MB", () => JSON.stringify({ ...body(Array(54).fill(1)), padding: "x".repeat(1024 * 1024) }), 413],
      [
        "deep nesting where numbers belong",
        () =>
          JSON.stringify({
            canvas_width: 512,
            canvas_height: 512,
            people: [{ pose_keypoints_2d: JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`) }],
          }),
        400,
      ],
    ];
    for (const [what, raw, status] of cases) {
      it(what, async () => {
        const user = await signUp();
        for (const res of [
          await call("/api/v1/skeleton", jsonInit("POST", raw())),
          await user.fetch("/api/v1/templates", jsonInit("POST", `{"name":"bad","keypoints":${raw()}}`)),
        ]) {
          expect(res.status, what).toBe(status);
          const err = (await res.json()) as ErrorBody;
          expect(err.error.message.length).toBeGreaterThan(5);
        }
        expect(await listAll((p) => user.fetch(p), "&mine=true")).toHaveLength(0);
      });
    }
  });

  it("validates template fields", async () => {
    const user = await signUp();
    for (const fields of [
      { name: "" },
      { name: "x".repeat(81) },
      { name: "x", category: "nope" },
      { name: "x", tags: ["<b>"] },
      { name: "x", visibility: "secret" },
    ]) {
      const res = await user.fetch("/api/v1/templates", jsonInit("POST", { ...fields, keypoints: a1111Json() }));
      expect(res.status, JSON.stringify(fields)).toBe(400);
    }
  });
});

describe("template authorization", () => {
  type Actor = "anonymous" | "other" | "owner";
  async function setup() {
    const owner = await signUp();
    const other = await signUp();
    const pub = await createTemplate(owner, "public");
    const priv = await createTemplate(owner, "private");
    const as = (actor: Actor) => (path: string, init?: RequestInit) =>
      actor === "anonymous" ? call(path, init) : actor === "owner" ? owner.fetch(path, init) : other.fetch(path, init);
    return { pub, priv, as };
  }

  // [visibility, actor, read, edit, delete, fork]
  const matrix: ["public" | "private", Actor, number, number, number, number][] = [
    ["public", "anonymous", 200, 401, 401, 401],
    ["public", "other", 200, 403, 403, 201],
    ["public", "owner", 200, 200, 204, 201],
    ["private", "anonymous", 404, 401, 401, 401],
    ["private", "other", 404, 404, 404, 404],
    ["private", "owner", 200, 200, 204, 201],
  ];
  for (const [visibility, actor, read, edit, del, fork] of matrix) {
    it(`${actor} on a ${visibility} template: read ${read}, edit ${edit}, delete ${del}, fork ${fork}`, async () => {
      const { pub, priv, as } = await setup();
      const t = visibility === "public" ? pub : priv;
      const f = as(actor);
      for (const path of [`/api/v1/templates/${t.id}`, t.skeletonUrl, t.openposeUrl, t.previewUrl]) {
        expect((await f(path)).status, path).toBe(read);
      }
      const listed = (await listAll((p) => f(p))).some((x) => x.id === t.id);
      expect(listed).toBe(read === 200);
      expect((await f(`/api/v1/templates/${t.id}/fork`, { method: "POST" })).status).toBe(fork);
      expect((await f(`/api/v1/templates/${t.id}`, jsonInit("PATCH", { name: "renamed" }))).status).toBe(edit);
      expect((await f(`/api/v1/templates/${t.id}`, { method: "DELETE" })).status).toBe(del);
      // What the owner sees afterwards: gone only if the owner deleted it.
      const ownerView = await as("owner")(`/api/v1/templates/${t.id}`);
      expect(ownerView.status).toBe(actor === "owner" ? 404 : 200);
      if (actor !== "owner") expect(((await ownerView.json()) as T).name).toBe(`t-${visibility}`);
    });
  }

  it("nobody can edit or delete a built-in, but anyone signed in can fork it", async () => {
    const user = await signUp();
    const id = "builtin-front-neutral";
    expect((await user.fetch(`/api/v1/templates/${id}`, jsonInit("PATCH", { name: "mine now" }))).status).toBe(403);
    expect((await user.fetch(`/api/v1/templates/${id}`, { method: "DELETE" })).status).toBe(403);
    const fork = await user.fetch(`/api/v1/templates/${id}/fork`, { method: "POST" });
    expect(fork.status).toBe(201);
    const copy = (await fork.json()) as T;
    expect(copy).toMatchObject({ forkedFromId: id, visibility: "private", mine: true, isBuiltIn: false });
    // The fork is the owner's to change and publish.
    const published = await user.fetch(
      `/api/v1/templates/${copy.id}`,
      jsonInit("PATCH", { visibility: "public", keypoints: editorJson() }),
    );
    expect(published.status).toBe(200);
    expect(((await published.json()) as T).visibility).toBe("public");
    const anon = await call(`/api/v1/templates/${copy.id}`);
    expect(anon.status).toBe(200);
  });

  it("lists the caller's own with mine=true and refuses it anonymously", async () => {
    const owner = await signUp();
    await createTemplate(owner, "private");
    await createTemplate(owner, "public");
    const mine = await listAll((p) => owner.fetch(p), "&mine=true");
    expect(mine).toHaveLength(2);
    expect(mine.every((t) => t.mine)).toBe(true);
    expect((await call("/api/v1/templates?mine=true")).status).toBe(401);
  });
});
