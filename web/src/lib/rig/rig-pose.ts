// The avatar's rig in the browser: the person's pose found on the photo (MediaPipe, full model,
// from our origin), the cut-out it goes with, and the multipart fields the API takes.
import type { Pose } from "$shared/pose/model";
import { writeOpenPose } from "$shared/pose/openpose-json";
import { detectPoseInImage } from "$lib/pose/detect-pose";

/** Loads an image URL (a blob: URL or one of our API's) into a decoded element. */
export async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

/** The one person's body found on the photo, on the photo's canvas; null when nobody is found. */
export async function detectRigPose(url: string): Promise<Pose | null> {
  const pose = await detectPoseInImage(await loadImage(url));
  return pose && { ...pose, people: pose.people.slice(0, 1) };
}

/** A small photo of a person we serve anyway (the first-minutes example), to set the model up on. */
const WARM_UP_PHOTO = "/examples/messi5-photo.jpg";

/**
 * Loads the rig's pose model and runs it once: its first detection sets the graph up (hundreds of
 * ms of the page's thread), which would otherwise fall on the first cut-out's rig and stall a
 * photo picked right after it. Never throws: the rig's own detection reports a model that fails.
 */
export async function preloadRigPose(): Promise<void> {
  await detectRigPose(WARM_UP_PHOTO).catch(() => null);
}

/** The share of the picture that is transparent decides: a PNG with its background already removed is its own cut-out. */
export async function isCutout(url: string): Promise<boolean> {
  const image = await loadImage(url);
  const side = 64;
  const canvas = new OffscreenCanvas(side, side);
  const ctx = canvas.getContext("2d")!;
  ctx.drawImage(image, 0, 0, side, side);
  const data = ctx.getImageData(0, 0, side, side).data;
  let clear = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 128) clear++;
  return clear / (side * side) > 0.02;
}

/** The `pose` field: OpenPose JSON of the first person (the API takes one). */
export const poseField = (pose: Pose) => JSON.stringify(writeOpenPose({ ...pose, people: pose.people.slice(0, 1) }));

/** Whether the pose has what the rig needs: the neck and both shoulders. */
export const hasTorso = (pose: Pose) => [1, 2, 5].every((j) => !!pose.people[0]?.body[j]);

/** Where the detect-and-correct step is. */
export type RigPhase = "detecting" | "ready" | "none" | "failed";
