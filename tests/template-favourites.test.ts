// Favourite poses: each user's own stars, on templates they may see; the library lists them.
import { describe, expect, it } from "vitest";
import { call, signUp, type TestUser } from "./helpers/users";

type T = { id: string; favourite: boolean };
type Page = { items: T[]; nextCursor: string | null };

const star = (user: TestUser, id: string, method: "PUT" | "DELETE" = "PUT") =>
  user.fetch(`/api/v1/templates/${id}/favourite`, { method });

async function listed(user: TestUser, query = ""): Promise<T[]> {
  const res = await user.fetch(`/api/v1/templates?limit=100${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Page).items;
}

async function privateTemplate(owner: TestUser): Promise<string> {
  const keypoints = { canvas_width: 512, canvas_height: 768, people: [{ pose_keypoints_2d: pointsOfAStandingBody() }] };
  const res = await owner.fetch("/api/v1/templates", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "private one", category: "custom", visibility: "private", keypoints }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as T).id;
}

/** 18 body points (x, y, c) of a plain standing figure on 512×768. */
function pointsOfAStandingBody(): number[] {
  // prettier-ignore
  const xy = [256,110, 256,170, 196,170, 186,270, 180,360, 316,170, 326,270, 332,360,
    226,380, 222,520, 220,660, 286,380, 290,520, 292,660, 246,100, 266,100, 232,108, 280,108];
  const out: number[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push(xy[i]!, xy[i + 1]!, 1);
  return out;
}

describe("favourite poses", () => {
  it("stars and unstars a built-in for its user only, and the list filter follows", async () => {
    const [a, b] = [await signUp(), await signUp()];
    const id = "builtin-hand-on-hip";
    const put = await star(a, id);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id, favourite: true });
    // Starring again is fine and changes nothing.
    expect((await star(a, id)).status).toBe(200);

    expect((await listed(a, "&favourites=1")).map((t) => t.id)).toEqual([id]);
    expect((await listed(a)).find((t) => t.id === id)?.favourite).toBe(true);
    const one = await a.fetch(`/api/v1/templates/${id}`);
    expect(((await one.json()) as T).favourite).toBe(true);

    // Another user's view: not starred, and their favourites are empty.
    expect((await listed(b)).find((t) => t.id === id)?.favourite).toBe(false);
    expect(await listed(b, "&favourites=1")).toEqual([]);
    // Everyone's list without the filter still has every built-in.
    expect((await listed(a)).length).toBeGreaterThanOrEqual(44);

    const del = await star(a, id, "DELETE");
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ id, favourite: false });
    expect(await listed(a, "&favourites=1")).toEqual([]);
  });

  it("answers 404 for an unknown template and for another user's private one", async () => {
    const [owner, other] = [await signUp(), await signUp()];
    const res = await star(owner, "no-such-template");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const hidden = await privateTemplate(owner);
    expect((await star(other, hidden)).status).toBe(404);
    expect((await star(other, hidden, "DELETE")).status).toBe(404);
    // Its owner may star it.
    expect((await star(owner, hidden)).status).toBe(200);
    expect((await listed(owner, "&favourites=true")).map((t) => t.id)).toEqual([hidden]);
  });

  it("needs a signed-in user, and rejects a bad filter value", async () => {
    expect((await call("/api/v1/templates/builtin-wave/favourite", { method: "PUT" })).status).toBe(401);
    expect((await call("/api/v1/templates?favourites=1")).status).toBe(401);
    const user = await signUp();
    const bad = await user.fetch("/api/v1/templates?favourites=maybe");
    expect(bad.status).toBe(400);
  });

  it("a deleted template takes its stars with it", async () => {
    const owner = await signUp();
    const id = await privateTemplate(owner);
    expect((await star(owner, id)).status).toBe(200);
    expect((await owner.fetch(`/api/v1/templates/${id}`, { method: "DELETE" })).status).toBe(204);
    expect(await listed(owner, "&favourites=1")).toEqual([]);
  });
});
