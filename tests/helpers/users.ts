import { SELF } from "cloudflare:test";

export const ORIGIN = "http://127.0.0.1:8787";
let counter = 0;

/** A client signed in as a fresh user: fetch() carries its session cookie and a stable client IP. */
export interface TestUser {
  email: string;
  password: string;
  cookie: string;
  ip: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export function clientIp() {
  counter++;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** Calls the Worker like a browser on our origin would. */
export function call(path: string, init: RequestInit & { ip?: string; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("origin")) headers.set("origin", ORIGIN);
  headers.set("cf-connecting-ip", init.ip ?? "10.255.255.1");
  if (init.cookie) headers.set("cookie", init.cookie);
  return SELF.fetch(`${ORIGIN}${path}`, { ...init, headers });
}

/** Cookie header value from a response's Set-Cookie headers. */
export function cookiesFrom(res: Response): string {
  return (res.headers as unknown as { getSetCookie(): string[] })
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function signUp(name = "Test User"): Promise<TestUser> {
  const ip = clientIp();
  const email = `user${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = "correct horse battery";
  const res = await call("/api/auth/sign-up/email", {
    method: "POST",
    ip,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const cookie = cookiesFrom(res);
  return {
    email,
    password,
    cookie,
    ip,
    fetch: (path, init = {}) => call(path, { ...init, ip, cookie }),
  };
}
