// One pose's context as the queue consumer builds it, on a chosen env, for tests that run the pose
// stage directly (generatePose); and an avatar with a rig the instant engine accepts.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { renderSkeletonPng } from "../../shared/skeleton/render-png";
import { db } from "../../worker/db/client";
import { avatars, poseTemplates, type PoseGeneration } from "../../worker/db/schema";
import { outputPose } from "../../worker/pipeline/output-pose";
import { freshPoseState, type PoseContext } from "../../worker/pipeline/pose-context";
import { asFile, astronautBody, astronautCutout, openPoseDoc } from "./astronaut-rig";
import { userId } from "./generations";
import type { TestUser } from "./users";

export const TEMPLATE = "builtin-front-neutral";
export const SIZE = { width: 512, height: 768 };

/** The astronaut uploaded with its cut-out and pose: an avatar the instant engine can draw. */
export async function riggedAvatar(user: TestUser) {
  const form = new FormData();
  form.set("name", "Astro");
  form.set("file", asFile(new Uint8Array(env.FIXTURE_ASTRONAUT_PNG), "astronaut.png"));
  form.set("cutout", asFile(astronautCutout(), "cutout.png"));
  form.set("pose", openPoseDoc(astronautBody()));
  const res = await user.fetch("/api/v1/avatars", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** One pose's context, as the queue consumer builds it, on `runEnv`. */
export async function poseContext(runEnv: Env, user: TestUser, avatarId: string, initStrength: number | null) {
  const d = db(env);
  const avatar = (await d.query.avatars.findFirst({ where: eq(avatars.id, avatarId) }))!;
  const template = (await d.query.poseTemplates.findFirst({ where: eq(poseTemplates.id, TEMPLATE) }))!;
  const uid = await userId(user);
  const generationId = crypto.randomUUID();
  const now = new Date();
  const generation: PoseGeneration = {
    id: generationId,
    userId: uid,
    avatarId,
    avatarName: avatar.name,
    poseNames: null,
    totalPoses: 1,
    selectedPoseIds: [TEMPLATE],
    quality: "sd",
    stageSettings: null,
    provider: null,
    basePrompt: "professional photo",
    negativePrompt: "blurry",
    seed: 7,
    initStrength,
    status: "running",
    progress: 0,
    successfulPoses: 0,
    failedPoses: 0,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
  const object = await env.IMAGES.get(avatar.imageKey);
  const ctx: PoseContext = {
    env: runEnv,
    job: { userId: uid, generationId, poseTemplateId: TEMPLATE, round: 0 } as PoseContext["job"],
    generation,
    avatar,
    avatarBytes: new Uint8Array(await object!.arrayBuffer()),
    template,
    size: SIZE,
    prompt: "professional photo",
    negativePrompt: "blurry",
    ...freshPoseState(),
    proceed: async () => true,
    beforeProviderCall: async () => {},
    roundCalls: 0,
  };
  const templateSkeleton = renderSkeletonPng(outputPose(ctx));
  return { ctx, templateSkeleton, trace: `${uid}/${generationId}/` };
}
