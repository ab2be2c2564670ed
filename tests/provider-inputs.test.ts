// Provider inputs by URL: a sealed, short-lived token on our own origin serves exactly one R2
// object; an altered, expired or foreign token is a 404 that says nothing more.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PROVIDER_INPUT_TTL_MS, providerInputUrl } from "../worker/provider-inputs/input-url";
import { openProviderInput, sealProviderInput } from "../worker/provider-inputs/token";
import { fetchWithEnv } from "./helpers/with-env";

const ORIGIN = "http://127.0.0.1:8787";
const vars = { APP_ORIGIN: ORIGIN };
const bound = { ...env, ...vars } as Env;

async function stored(bytes = crypto.getRandomValues(new Uint8Array(64))) {
  const key = `generations/${crypto.randomUUID()}/pose/control.png`;
  await env.IMAGES.put(key, bytes, { httpMetadata: { contentType: "image/png" } });
  return { key, bytes };
}

describe("provider inputs", () => {
  it("a URL on APP_ORIGIN serves the object, uncached, and names nothing of our storage", async () => {
    const { key, bytes } = await stored();
    const url = (await providerInputUrl(bound, key))!;
    expect(url.startsWith(`${ORIGIN}/api/v1/provider-inputs/`)).toBe(true);
    const token = url.split("/").pop()!;
    expect(url).not.toContain(key.split("/")[1]);
    expect(token.length).toBeGreaterThan(40);
    const res = await fetchWithEnv(vars, url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    // Two URLs for the same object differ (a fresh IV each time), so one leaked URL predicts nothing.
    expect(await providerInputUrl(bound, key)).not.toBe(url);
  });

  it("an altered, truncated, expired or foreign token is a 404", async () => {
    const { key } = await stored();
    const token = (await providerInputUrl(bound, key))!.split("/").pop()!;
    const flip = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    const expired = await sealProviderInput(env.BETTER_AUTH_SECRET, { key, expiresAt: Date.now() - 1 });
    const foreign = await sealProviderInput("another deployment's secret, 32 chars long", {
      key,
      expiresAt: Date.now() + 60_000,
    });
    for (const bad of [flip, token.slice(0, 30), expired, foreign, "not*base64"]) {
      const res = await fetchWithEnv(vars, `${ORIGIN}/api/v1/provider-inputs/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("expires after its minutes", async () => {
    const { key } = await stored();
    const token = (await providerInputUrl(bound, key, Date.now()))!.split("/").pop()!;
    const secret = env.BETTER_AUTH_SECRET;
    expect(await openProviderInput(secret, token, Date.now() + PROVIDER_INPUT_TTL_MS - 1000)).toMatchObject({ key });
    expect(await openProviderInput(secret, token, Date.now() + PROVIDER_INPUT_TTL_MS + 1000)).toBeNull();
  });

  it("without APP_ORIGIN there is no public URL to give a provider", async () => {
    expect(await providerInputUrl({ ...env, APP_ORIGIN: "" } as Env, "any")).toBeNull();
  });
});
