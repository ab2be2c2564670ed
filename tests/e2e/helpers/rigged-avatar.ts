import { readFileSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { mediapipeToOpenPose, type Landmark } from "../../../shared/pose/mediapipe";
import { writeOpenPose } from "../../../shared/pose/openpose-json";

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
