// A provider's own pose detector scores its result: ComfyUI (COMFYUI_DETECT_POSES, a DWPreprocessor
// workflow on the stored output) and A1111 (POST /controlnet/detect) against the fakes, which speak
// the real servers' contracts (dev-tools/fake-provider/comfyui-pose-estimates.ts, a1111.ts
// a1111Detect) and find the skeleton they drew. The pose goes through the pose stage and
// record-outcome as the queue consumer runs them; the stored score is poseScore(requested skeleton,
// stored detection). A detector that cannot answer costs the score, never the picture.
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { poseScore } from "../shared/pose/pose-score";
import { db } from "../worker/db/client";
import { generatedPoses, poseGenerations } from "../worker/db/schema";
import { generatePose } from "../worker/pipeline/generate-pose";
import { recordOutcome } from "../worker/pipeline/record-outcome";
import { fakeComfy } from "./helpers/fake-comfyui";
import { poseContext, riggedAvatar } from "./helpers/pose-context";
import { signUp } from "./helpers/users";

/** The test env with one vendor first and time for the fake to draw and detect. */
const withVars = (vars: Record<string, string>) => ({ ...env, PROVIDER_TIMEOUT_MS: "20000", ...vars }) as Env;
const comfyEnv = (url: string, extra: Record<string, string> = {}) =>
  withVars({ COMFYUI_URL: url, PROVIDER_ORDER: "comfyui", COMFYUI_DETECT_POSES: "1", ...extra });
const a1111Env = (extra: Record<string, string> = {}) =>
  withVars({ A1111_URL: `${env.FAKE_PROVIDER_URL}/a1111/standard`, PROVIDER_ORDER: "a1111", ...extra });

/** One pose through the pose stage and record-outcome on `runEnv`; its stored row. */
async function storedPose(runEnv: Env) {
  const user = await signUp();
  const { ctx } = await poseContext(runEnv, user, await riggedAvatar(user), null);
  await db(env).insert(poseGenerations).values(ctx.generation);
  await generatePose(ctx);
  await recordOutcome(ctx, { success: true, error: null, elapsedMs: 5 });
  const { generationId, poseTemplateId } = ctx.job;
  const row = await db(env)
    .select()
    .from(generatedPoses)
    .where(and(eq(generatedPoses.generationId, generationId), eq(generatedPoses.poseTemplateId, poseTemplateId)))
    .get();
  return { ctx, row: row! };
}

/** The stored score is the one the stored detection gives, and the fake found the skeleton it drew. */
function expectScoredByProvider(row: Awaited<ReturnType<typeof storedPose>>["row"]) {
  expect(row.success).toBe(true);
  expect(row.qualitySource).toBe("provider");
  expect(row.requestedPose).not.toBeNull();
  expect(row.qualityDetection?.people).toHaveLength(1);
  const recomputed = poseScore(row.requestedPose!, row.qualityDetection!)!;
  expect(row.qualityScore).not.toBeNull();
  expect(Math.abs(row.qualityScore! - recomputed)).toBeLessThanOrEqual(0.01);
  // The picture shows the skeleton it was given, so the detector finds that pose again.
  expect(row.qualityScore!).toBeGreaterThan(0.9);
}

describe("a provider's own detector scores its result", () => {
  it("ComfyUI runs DWPreprocessor on the stored output and the score comes from its openpose_json", async () => {
    const comfy = await fakeComfy();
    const { ctx, row } = await storedPose(comfyEnv(comfy.url));
    expect(ctx.provider).toBe("comfyui");
    expectScoredByProvider(row);
    const { prompts } = await comfy.log();
    const detect = prompts.find((p) => Object.values(p.prompt).some((n) => n.class_type === "DWPreprocessor"));
    // The estimator reads the saved result from the output folder, not a second upload.
    expect(String(detect!.prompt["1"]!.inputs.image)).toMatch(/^avatar-pose_\d+_\.png \[output\]$/);
    expect(detect!.prompt["2"]!.inputs).toMatchObject({ image: ["1", 0], detect_body: "enable" });
  });

  it("ComfyUI without comfyui_controlnet_aux keeps the picture and leaves the score empty", async () => {
    const comfy = await fakeComfy({ missingNodes: ["DWPreprocessor"] });
    const { row } = await storedPose(comfyEnv(comfy.url));
    expect(row.success).toBe(true);
    expect([row.qualityScore, row.qualitySource, row.qualityDetection]).toEqual([null, null, null]);
  });

  it("ComfyUI asks no detector unless COMFYUI_DETECT_POSES is set", async () => {
    const comfy = await fakeComfy();
    const { row } = await storedPose(comfyEnv(comfy.url, { COMFYUI_DETECT_POSES: "" }));
    expect(row.qualityScore).toBeNull();
    expect((await comfy.log()).prompts).toHaveLength(1);
  });

  it("A1111 asks /controlnet/detect with the result, its padded canvas cut back to the picture", async () => {
    const { ctx, row } = await storedPose(a1111Env());
    expect(ctx.provider).toBe("a1111");
    expectScoredByProvider(row);
    // 512 × 768 is already a multiple of 64: the canvas is the picture's own size.
    expect([row.qualityDetection!.canvasWidth, row.qualityDetection!.canvasHeight]).toEqual([512, 768]);
  });

  it("A1111 with the classic openpose module (points in 0–1 of the canvas) scores the same way", async () => {
    const { row } = await storedPose(a1111Env({ A1111_DETECT_MODULE: "openpose" }));
    expectScoredByProvider(row);
  });

  it("A1111 refusing the module (422 Module not available) keeps the picture without a score", async () => {
    const { row } = await storedPose(a1111Env({ A1111_DETECT_MODULE: "no_such_module" }));
    expect(row.success).toBe(true);
    expect([row.qualityScore, row.qualitySource]).toEqual([null, null]);
  });
});
