// What a user who has worked a while owns, made through the API: an avatar with its rig (so
// instant poses and previews work), a pose of their own, and a finished instant generation.
import { readFileSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { mediapipeToOpenPose, type Landmark } from "../../../shared/pose/mediapipe";
import { writeOpenPose } from "../../../shared/pose/openpose-json";
import { generateIn, uploadAvatarIn } from "./accounts";

/** Gives the avatar its rig: the messi5 photo's own cut-out and MediaPipe pose (the avatar must be messi5.jpg). */
export async function rigAvatarIn(context: BrowserContext, origin: string, avatarId: string) {
  const messi = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
    landmarks: Landmark[];
    imageWidth: number;
    imageHeight: number;
  };
  const person = mediapipeToOpenPose(messi.landmarks, messi.imageWidth, messi.imageHeight);
  const pose = writeOpenPose({ canvasWidth: messi.imageWidth, canvasHeight: messi.imageHeight, people: [person] });
  const res = await context.request.put(`${origin}/api/v1/avatars/${avatarId}/rig`, {
    headers: { origin },
    multipart: {
      pose: JSON.stringify(pose),
      cutout: { name: "cutout.png", mimeType: "image/png", buffer: readFileSync("tests/fixtures/messi5.cutout.png") },
    },
  });
  expect(res.status()).toBe(200);
}

/** Saves a private pose of the user's own, named `name`; returns its id. */
export async function createPoseIn(context: BrowserContext, origin: string, name: string): Promise<string> {
  const keypoints = JSON.parse(readFileSync("tests/fixtures/openpose/a1111-controlnet.json", "utf8")) as unknown;
  const res = await context.request.post(`${origin}/api/v1/templates`, {
    headers: { origin },
    data: { name, category: "custom", visibility: "private", tags: [], keypoints },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Names the user typed: they stay as typed in every language. */
export const TOUR_NAMES = { avatar: "Sari Batik", pose: "Sari Pose" } as const;

/** A rigged avatar, a pose of the user's own, and a finished instant generation of two built-in poses. */
export async function tourContentIn(context: BrowserContext, origin: string) {
  const avatar = await uploadAvatarIn(context, origin, TOUR_NAMES.avatar);
  await rigAvatarIn(context, origin, avatar.id);
  const poseId = await createPoseIn(context, origin, TOUR_NAMES.pose);
  const generationId = await generateIn(context, origin, {
    avatarId: avatar.id,
    poseTemplateIds: ["builtin-front-neutral", "builtin-chair-side"],
    provider: "instant",
  });
  return { avatarId: avatar.id, poseId, generationId };
}
