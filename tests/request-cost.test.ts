import { describe, expect, it } from "vitest";
import editorJson from "./fixtures/openpose/openpose-editor.json";
import { call, clientIp, signUp } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string; requestId: string } };

// Ten people with hands and faces: the heaviest pose the OpenPose reader accepts.
const editor = editorJson as unknown as { people: unknown[] };
const tenPeople = JSON.stringify({ ...editor, people: Array.from({ length: 10 }, (_, i) => editor.people[i % 2]) });

const render = (query: string, ip: string, cookie?: string) =>
  call(`/api/v1/skeleton${query}`, {
    method: "POST",
    ip,
    ...(cookie ? { cookie } : {}),
    headers: { "content-type": "application/json" },
    body: tenPeople,
  });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.requestId).toBeTruthy();
  return body;
}

const signUpWith = (body: string, ip = clientIp()) =>
  call("/api/auth/sign-up/email", { method: "POST", ip, headers: { "content-type": "application/json" }, body });
const account = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    email: `cost${crypto.randomUUID().slice(0, 8)}@example.com`,
    password: "correct horse battery",
    name,
    ...extra,
  });

describe("the cost of one request is bounded", () => {
  it("skeleton renders: at most 2048 px a side (413 above), with ten people", async () => {
    const ok = await render("?width=2048&height=2048", clientIp());
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    await expectError(await render("?width=4096&height=4096", clientIp()), 413, "render_too_large");
    await expectError(await render("?width=512&height=2049", clientIp()), 413, "render_too_large");
    const template = await call("/api/v1/templates/builtin-front-neutral/skeleton.png?width=4096&height=4096");
    await expectError(template, 413, "render_too_large");
  });

  it("anonymous skeleton renders are rate-limited per client IP with a 429; other IPs and signed-in users are not held back", async () => {
    const ip = clientIp();
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 100 && !limited; i++) {
      const res = await render("", ip);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited, `${statuses.length} renders from one IP, none refused`).not.toBeNull();
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectError(limited!, 429, "rate_limited");
    expect((await render("", clientIp())).status).toBe(200);
    const user = await signUp();
    expect((await render("", ip, user.cookie)).status).toBe(200);
  });

  it("sign-up bodies are capped: a 1.5 MB name and a 20 MB body get a 413 JSON error", async () => {
    await expectError(await signUpWith(account("n".repeat(1_500_000))), 413, "payload_too_large");
    await expectError(
      await signUpWith(account("Padded", { padding: "x".repeat(20 * 1024 * 1024) })),
      413,
      "payload_too_large",
    );
  });

  it("user names are at most 100 characters, at sign-up and on update", async () => {
    await expectError(await signUpWith(account("n".repeat(101))), 400, "invalid_request");
    const ok = await signUpWith(account("n".repeat(100)));
    expect(ok.status).toBe(200);
    const user = await signUp();
    const update = await user.fetch("/api/auth/update-user", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "m".repeat(101) }),
    });
    await expectError(update, 400, "invalid_request");
    const me = (await (await user.fetch("/api/v1/account/me")).json()) as { name: string };
    expect(me.name).toBe("Test User");
  });
});
