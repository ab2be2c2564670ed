// AI poses of a rigged avatar start from the instant picture: the pose stage draws it first, keeps
// it as instant.png, sends it with the strength to vendors that refine a starting picture (here
// the fake A1111, as /sdapi/v1/img2img), and every vendor gets the skeleton the engine drew. An
// avatar without a rig keeps the old request. The strength is a validated generation option.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import type { ProviderStatus } from "../shared/api/providers";
import type { Rgba } from "../shared/raster/rgba";
import { renderSkeletonPng } from "../shared/skeleton/render-png";
import { db } from "../worker/db/client";
import { avatars, generatedPoses, poseTemplates, type PoseGeneration } from "../worker/db/schema";
import { decodeRgba } from "../worker/images/rgba";
import { generatePose } from "../worker/pipeline/generate-pose";
import { outputPose } from "../worker/pipeline/output-pose";
import { freshPoseState, type PoseContext } from "../worker/pipeline/pose-context";
import { drawInstantPicture } from "../worker/providers/instant/pose";
import { asFile, astronautBody, astronautCutout, openPoseDoc } from "./helpers/astronaut-rig";
import { fakeProvider } from "./helpers/fake-provider";
import { json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp, type TestUser } from "./helpers/users";
import { withEnv } from "./helpers/with-env";

const TEMPLATE = "builtin-front-neutral";
const SIZE = { width: 512, height: 768 };
const b64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The Worker with the fake A1111 as the only AI pose vendor. */
const a1111Env = (extra: Record<string, string> = {}) =>
  ({
    ...env,
    A1111_URL: `${env.FAKE_PROVIDER_URL}/a1111/standard`,
    PROVIDER_ORDER: "a1111",
    PROVIDER_TIMEOUT_MS: "15000",
    ...extra,
  }) as Env;

async function riggedAvatar(user: TestUser) {
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
async function poseContext(runEnv: Env, user: TestUser, avatarId: string, initStrength: number | null) {
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
    totalPoses: 1,
    selectedPoseIds: [TEMPLATE],
    poseNames: null,
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

/** Mean colour where `where(i)` holds. */
function meanColour(image: Rgba, where: (i: number) => boolean) {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    if (!where(i)) continue;
    n++;
    for (let c = 0; c < 3; c++) sum[c]! += image.data[i * 4 + c]!;
  }
  return { n, mean: sum.map((v) => v / Math.max(n, 1)) };
}

describe("the instant picture as the AI's starting image", () => {
  it("sends a rigged avatar's instant picture, the strength and the retargeted skeleton to A1111 img2img", async () => {
    const user = await signUp();
    const avatarId = await riggedAvatar(user);
    const { ctx, templateSkeleton, trace } = await poseContext(a1111Env(), user, avatarId, 0.4);
    const jpeg = await generatePose(ctx);
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    expect(ctx).toMatchObject({ startImage: "instant", provider: "a1111" });

    const [seen, ...more] = await fakeProvider.requests(trace);
    expect(more).toHaveLength(0);
    expect(seen).toMatchObject({ protocol: "a1111", strength: 0.4, width: 512, height: 768 });
    expect(seen!.path).toMatch(/\/sdapi\/v1\/img2img$/);

    // instant.png is kept beside the stage images, marked as a start (not the person the AI drew).
    const stored = await env.IMAGES.get(`generations/${ctx.job.generationId}/${TEMPLATE}/instant.png`);
    expect(stored?.customMetadata?.start).toBe("true");
    const instant = decodeRgba(new Uint8Array(await stored!.arrayBuffer()));
    const init = decodeRgba(unb64(seen!.initImage!));
    expect([init.width, init.height]).toEqual([512, 768]);
    // The init image is the person's own pixels where the engine drew them: the instant picture's
    // colours there, and the cut-out's colours overall.
    const opaque = (i: number) => instant.data[i * 4 + 3]! >= 240;
    const inInit = meanColour(init, opaque);
    const inInstant = meanColour(instant, opaque);
    const cutout = decodeRgba(astronautCutout());
    const source = meanColour(cutout, (i) => cutout.data[i * 4 + 3]! >= 128);
    expect(inInit.n).toBeGreaterThan(20_000);
    inInit.mean.forEach((v, c) => {
      expect(Math.abs(v - inInstant.mean[c]!)).toBeLessThan(4);
      expect(Math.abs(v - source.mean[c]!)).toBeLessThan(30);
    });
    // Outside the person: the studio backdrop, not the person's colours.
    const around = meanColour(init, (i) => instant.data[i * 4 + 3]! === 0);
    expect(around.n).toBeGreaterThan(100_000);

    // The control image is the skeleton the engine drew (the astronaut's proportions), not the template's.
    const control = unb64(seen!.controlImage);
    expect(control).not.toEqual(templateSkeleton);
    const rigPng = new Uint8Array(await (await env.IMAGES.get(ctx.avatar.rigKey!))!.arrayBuffer());
    const drawn = await drawInstantPicture({ rigPng, rigPose: ctx.avatar.rigPose!, target: outputPose(ctx) }, SIZE);
    expect(b64(control)).toBe(b64(renderSkeletonPng(drawn.skeleton)));
  });

  it("keeps the old request for an avatar without a rig: txt2img, the template's skeleton, no instant.png", async () => {
    const user = await signUp();
    const { id } = await uploadAvatar(user);
    const { ctx, templateSkeleton, trace } = await poseContext(a1111Env(), user, id, 0.4);
    await generatePose(ctx);
    expect(ctx.startImage).toBe("template");
    const [seen] = await fakeProvider.requests(trace);
    expect(seen!.path).toMatch(/\/sdapi\/v1\/txt2img$/);
    expect(seen).toMatchObject({ initImage: null, strength: null });
    expect(seen!.controlImage).toBe(b64(templateSkeleton));
    expect(await env.IMAGES.get(`generations/${ctx.job.generationId}/${TEMPLATE}/instant.png`)).toBeNull();
  });

  it("gives a vendor without img2img the retargeted skeleton and no starting picture", async () => {
    const user = await signUp();
    const avatarId = await riggedAvatar(user);
    const { ctx, templateSkeleton, trace } = await poseContext(env, user, avatarId, null);
    await generatePose(ctx);
    expect(ctx).toMatchObject({ startImage: "instant", provider: "huggingface" });
    const [seen] = await fakeProvider.requests(trace);
    expect(seen).toMatchObject({ protocol: "hf", initImage: null, strength: null });
    expect(seen!.controlImage).not.toBe(b64(templateSkeleton));
  });
});

describe("the pose's record", () => {
  it("says which start a pose had: the instant picture for a rigged avatar, the template for one without", async () => {
    const user = await signUp();
    const rigged = await riggedAvatar(user);
    const plain = (await uploadAvatar(user)).id;
    for (const [avatarId, start] of [
      [rigged, "instant"],
      [plain, "template"],
    ] as const) {
      const started = await startGeneration(user, { avatarId, poseTemplateIds: [TEMPLATE] });
      const done = await waitForFinal(user, started.id, 60_000);
      expect(done.status).toBe("completed");
      const row = await db(env).query.generatedPoses.findFirst({
        where: eq(generatedPoses.generationId, started.id),
      });
      expect(row).toMatchObject({ provider: "huggingface", startImage: start });
    }
  });
});

describe("initStrength", () => {
  it("answers 400 out of range, stores what was asked, and defaults to INSTANT_INIT_STRENGTH", async () => {
    const user = await signUp();
    const { id } = await uploadAvatar(user);
    const call = withEnv({ INSTANT_INIT_STRENGTH: "0.45" });
    const post = (body: Record<string, unknown>) =>
      call("http://127.0.0.1:8787/api/v1/generations", {
        ...json("POST", { avatarId: id, poseTemplateIds: [TEMPLATE], ...body }),
        headers: {
          "content-type": "application/json",
          origin: "http://127.0.0.1:8787",
          cookie: user.cookie,
          "cf-connecting-ip": user.ip,
        },
      });
    for (const bad of [1.5, 0.05, "much"]) {
      const res = await post({ initStrength: bad });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/initStrength/);
    }
    const asked = await post({ initStrength: 0.3 });
    expect(asked.status).toBe(202);
    expect(((await asked.json()) as GenerationState).initStrength).toBe(0.3);
    const defaulted = await post({});
    expect(((await defaulted.json()) as GenerationState).initStrength).toBe(0.45);
  });
});

describe("GET /api/v1/providers", () => {
  it("says per pose vendor whether it starts from the instant picture", async () => {
    const user = await signUp();
    const call = withEnv({ A1111_URL: `${env.FAKE_PROVIDER_URL}/a1111/standard`, PROVIDER_ORDER: "huggingface,a1111" });
    const res = await call("http://127.0.0.1:8787/api/v1/providers", {
      headers: { origin: "http://127.0.0.1:8787", cookie: user.cookie, "cf-connecting-ip": user.ip },
    });
    const status = (await res.json()) as ProviderStatus;
    expect(status.providers.map((p) => [p.name, p.startsFromInstant])).toEqual([
      ["huggingface", false],
      ["a1111", true],
    ]);
  });
});
