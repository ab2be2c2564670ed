import { readFileSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";

/** Signs a fresh user up in this browser context (its cookie jar); returns the user's id. */
export async function signUpIn(context: BrowserContext, origin: string, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const res = await context.request.post(`${origin}/api/auth/sign-up/email`, {
    headers: { origin },
    data: { email, password: "correct horse battery", name },
  });
  expect(res.status()).toBe(200);
  return ((await (await context.request.get(`${origin}/api/v1/account/me`)).json()) as { id: string }).id;
}

/** Uploads tests/fixtures/messi5.jpg as an avatar of the context's user. */
export async function uploadAvatarIn(context: BrowserContext, origin: string, name = "Model") {
  const res = await context.request.post(`${origin}/api/v1/avatars`, {
    headers: { origin },
    multipart: {
      file: { name: "messi5.jpg", mimeType: "image/jpeg", buffer: readFileSync("tests/fixtures/messi5.jpg") },
      name,
      gender: "female",
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}

/** Starts a generation as the context's user and waits until it reaches `until` (its final status). */
export async function generateIn(
  context: BrowserContext,
  origin: string,
  data: Record<string, unknown>,
  until: "completed" | "partial" | "failed" = "completed",
): Promise<string> {
  const started = await context.request.post(`${origin}/api/v1/generations`, { headers: { origin }, data });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await context.request.get(`${origin}/api/v1/generations/${id}`)).json()) as { status: string }).status,
      { timeout: 30_000 },
    )
    .toBe(until);
  return id;
}
