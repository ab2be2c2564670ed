// Where the person is on a result, for framing it (frame-result.ts). The pipeline keeps no mask of
// the final picture, so it is found again from what is stored, best first: the instant engine's
// picture of the pose (instant.png: its alpha is the person; on an AI pose it is the picture the AI
// refined, so the same place), else the template's skeleton on the result's canvas (the control
// image every AI vendor followed), grown into a body outline.
import { eq } from "drizzle-orm";
import { alphaMask, bodyRegionMask } from "../../shared/background/person-mask";
import { inspectImage } from "../../shared/images/inspect-image";
import { readOpenPose } from "../../shared/pose/openpose-json";
import { letterboxPose } from "../../shared/pose/transform";
import type { Mask } from "../../shared/raster/mask";
import { db } from "../db/client";
import { poseTemplates } from "../db/schema";
import { decodeRgba } from "../images/rgba";
import { r2Keys } from "../storage/r2-keys";

/** The skeleton's outline is drawn this much wider than a typical build (hair, loose clothes). */
const OUTLINE_SCALE = 1.15;

async function drawnPerson(env: Env, generationId: string, poseId: string, width: number, height: number) {
  const object = await env.IMAGES.get(r2Keys.generationPng(generationId, poseId, "instant"));
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  // Its size is checked before it is decoded: only a picture of the result's own canvas is used.
  const header = inspectImage(bytes);
  if (!header.ok || header.width !== width || header.height !== height) return null;
  return alphaMask(decodeRgba(bytes));
}

async function skeletonPerson(env: Env, poseId: string, width: number, height: number) {
  const template = await db(env)
    .select({ keypointsJson: poseTemplates.keypointsJson })
    .from(poseTemplates)
    .where(eq(poseTemplates.id, poseId))
    .get();
  if (!template) return null;
  try {
    return bodyRegionMask(
      letterboxPose(readOpenPose(JSON.parse(template.keypointsJson)).pose, width, height),
      OUTLINE_SCALE,
    );
  } catch {
    return null; // a template whose keypoints no longer read: framed without knowing the person
  }
}

/**
 * The person's mask on a JPEG result of one pose of a generation (`width`×`height`), or null when
 * nothing tells where they are. A PNG result carries its own (its alpha) and does not need this.
 */
export async function resultPersonMask(
  env: Env,
  generationId: string,
  poseId: string,
  width: number,
  height: number,
): Promise<Mask | null> {
  return (
    (await drawnPerson(env, generationId, poseId, width, height)) ?? (await skeletonPerson(env, poseId, width, height))
  );
}
