import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { json, userId } from "./helpers/generations";
import { avatarForm, messiJpg } from "./helpers/images";
import { ORIGIN, signUp, type TestUser } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string } };

async function createKey(user: TestUser, body: Record<string, unknown>) {
  const res = await user.fetch("/api/v1/account/api-keys", json("POST", body));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; key: string; scopes: string[] };
}

/** A request with only the API key (no cookie, no Origin), like a program would send. */
const withKey = (key: string, path: string, init: RequestInit = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${key}` },
  });

async function expectCode(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(((await res.json()) as ErrorBody).error.code).toBe(code);
}

describe("API key scopes", () => {
  it("a key cannot create, list or revoke keys: key management needs a session", async () => {
    const user = await signUp();
    const { id, key } = await createKey(user, { name: "full", scopes: ["read", "generate"] });
    await expectCode(
      await withKey(key, "/api/v1/account/api-keys", json("POST", { name: "child" })),
      403,
      "session_required",
    );
    await expectCode(await withKey(key, "/api/v1/account/api-keys"), 403, "session_required");
    await expectCode(
      await withKey(key, `/api/v1/account/api-keys/${id}`, { method: "DELETE" }),
      403,
      "session_required",
    );
    // Still exactly one key, and the session can manage it.
    const list = (await (await user.fetch("/api/v1/account/api-keys")).json()) as { items: { scopes: string[] }[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.scopes).toEqual(["read", "generate"]);
  });

  it("an operator's key cannot grant credits or read everyone's metrics", async () => {
    const operator = await signUp();
    await env.DB.prepare("update users set role = 'admin' where id = ?")
      .bind(await userId(operator))
      .run();
    const { key } = await createKey(operator, { name: "ops", scopes: ["read", "generate"] });
    const grant = json("POST", { email: operator.email, amount: 1000 });
    await expectCode(await withKey(key, "/api/v1/credits/grants", grant), 403, "session_required");
    await expectCode(await withKey(key, "/api/v1/metrics/operator"), 403, "session_required");
    // The session may.
    expect((await operator.fetch("/api/v1/credits/grants", grant)).status).toBe(201);
  });

  it("a read key reads but cannot change anything; a generate key changes", async () => {
    const user = await signUp();
    const read = await createKey(user, { name: "reader", scopes: ["read"] });
    expect(read.scopes).toEqual(["read"]);
    expect((await withKey(read.key, "/api/v1/avatars")).status).toBe(200);
    const upload = () => ({ method: "POST", body: avatarForm(messiJpg(), "m.jpg", { name: "x" }) });
    await expectCode(await withKey(read.key, "/api/v1/avatars", upload()), 403, "insufficient_scope");

    const gen = await createKey(user, { name: "generator", scopes: ["generate"] });
    expect((await withKey(gen.key, "/api/v1/avatars", upload())).status).toBe(201);
    await expectCode(await withKey(gen.key, "/api/v1/avatars"), 403, "insufficient_scope");
  });

  it("refuses unknown scopes and lists each key's scopes", async () => {
    const user = await signUp();
    const bad = await user.fetch("/api/v1/account/api-keys", json("POST", { name: "x", scopes: ["admin"] }));
    expect(bad.status).toBe(400);
    const plain = await createKey(user, { name: "default" });
    expect(plain.scopes).toEqual(["read"]);
  });
});
