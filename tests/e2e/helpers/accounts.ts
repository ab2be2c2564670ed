import { readFileSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { mediapipeToOpenPose, type Landmark } from "../../../shared/pose/mediapipe";
import { writeOpenPose } from "../../../shared/pose/openpose-json";

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

/** Uploads messi5 with its cut-out and MediaPipe's pose of it: an avatar whose rig is ready. */
export async function uploadRiggedAvatar(context: BrowserContext, origin: string, name: string) {
  const messi = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8"));
  const pose = mediapipeToOpenPose(messi.landmarks as Landmark[], messi.imageWidth, messi.imageHeight);
  const doc = { canvasWidth: messi.imageWidth, canvasHeight: messi.imageHeight, people: [pose] };
  const res = await context.request.post(`${origin}/api/v1/avatars`, {
    headers: { origin },
    multipart: {
      file: { name: "messi5.jpg", mimeType: "image/jpeg", buffer: readFileSync("tests/fixtures/messi5.jpg") },
      cutout: { name: "cutout.png", mimeType: "image/png", buffer: readFileSync("tests/fixtures/messi5.cutout.png") },
      pose: JSON.stringify(writeOpenPose(doc)),
      name,
    },
  });
  expect(res.status()).toBe(201);
  const avatar = (await res.json()) as { id: string; rig: string };
  expect(avatar.rig).toBe("ready");
  return avatar;
}
