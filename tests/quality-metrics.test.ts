// The quality metrics from seeded rows, every figure worked out by hand: pose scores (mean OKS,
// fidelity at POSE_MIN_OKS 0.5), ratings, retries and exports, overall, per template and per
// provider/model; the template's fidelity rate kept current when a score is recorded; the
// operator's flags for templates and providers below the alert levels.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Metrics } from "../shared/api/metrics";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { db } from "../worker/db/client";
import { generatedPoses, poseGenerations, poseMetrics } from "../worker/db/schema";
import { MIN_SAMPLE, qualityAlerts } from "../worker/metrics/quality-alerts";
import { recordQualityScore } from "../worker/quality/record-score";
import { uploadAvatar, userId } from "./helpers/generations";
import { signUp } from "./helpers/users";

const [A, B, C] = ["builtin-front-neutral", "builtin-wave", "builtin-hand-on-hip"];

/** One generation: A by comfyui once; B by comfyui failed then made (a retry); C by a1111. */
async function seed() {
  const user = await signUp();
  const uid = await userId(user);
  const avatar = await uploadAvatar(user);
  const generationId = crypto.randomUUID();
  const d = db(env);
  const t0 = new Date(Date.now() - 60_000);
  const t1 = new Date(Date.now() - 30_000);
  await d.insert(poseGenerations).values({
    id: generationId,
    userId: uid,
    avatarId: avatar.id,
    totalPoses: 3,
    selectedPoseIds: [A, B, C],
    quality: "sd",
    basePrompt: "photo",
    status: "completed",
  });
  const round = (poseTemplateId: string, provider: string, model: string, success: boolean, ms: number, at: Date) => ({
    userId: uid,
    generationId,
    poseTemplateId,
    provider,
    model,
    quality: "sd" as const,
    attempts: 1,
    generationTime: ms,
    success,
    estimatedCostUsd: provider === "comfyui" ? 0.01 : 0,
    createdAt: at,
  });
  await d
    .insert(poseMetrics)
    .values([
      round(A, "comfyui", "m1", true, 1000, t0),
      round(B, "comfyui", "m1", false, 500, t0),
      round(B, "comfyui", "m1", true, 2000, t1),
      round(C, "a1111", "m2", true, 3000, t0),
    ]);
  const requested = buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768);
  const result = (poseTemplateId: string, provider: string, over: Partial<typeof generatedPoses.$inferInsert>) => ({
    userId: uid,
    generationId,
    poseTemplateId,
    prompt: "photo",
    outputKey: `generations/${generationId}/${poseTemplateId}/final.jpg`,
    success: true,
    provider,
    requestedPose: requested,
    ...over,
  });
  await d
    .insert(generatedPoses)
    .values([
      result(A, "comfyui", { qualityScore: 0.9, qualitySource: "provider", rating: 5, downloads: 1 }),
      result(B, "comfyui", { qualityScore: 0.3, qualitySource: "provider", rating: 2, zipExports: 1 }),
      result(C, "a1111", {}),
    ]);
  return { user, uid, generationId, requested };
}

describe("quality metrics", () => {
  it("reports scores, ratings, retries and exports overall, per template and per provider/model", async () => {
    const { user } = await seed();
    const m = (await (await user.fetch("/api/v1/metrics")).json()) as Metrics;
    // 4 rounds for 3 poses: one re-run. Scored A 0.9 and B 0.3; rated 5 and 2; A and B exported, C not.
    expect(m.quality).toEqual({
      scored: 2,
      meanOks: expect.closeTo(0.6, 6),
      fidelityRate: 0.5,
      rated: 2,
      meanRating: 3.5,
      retryRate: 0.25,
      exportRate: expect.closeTo(2 / 3, 6),
    });
    const wave = m.qualityByTemplate.find((t) => t.templateId === B)!;
    expect(wave).toMatchObject({ scored: 1, meanOks: 0.3, fidelityRate: 0, rated: 1, meanRating: 2, retryRate: 0.5 });
    expect(wave.exportRate).toBe(1);
    expect(m.providerComparison).toEqual([
      {
        provider: "comfyui",
        model: "m1",
        attempts: 3,
        succeeded: 2,
        successRate: 2 / 3,
        avgSeconds: 1.5,
        costUsd: expect.closeTo(0.03, 6),
        scored: 2,
        meanOks: expect.closeTo(0.6, 6),
        fidelityRate: 0.5,
        rated: 2,
        meanRating: 3.5,
        retryRate: expect.closeTo(1 / 3, 6),
        exportRate: 1,
      },
      {
        provider: "a1111",
        model: "m2",
        attempts: 1,
        succeeded: 1,
        successRate: 1,
        avgSeconds: 3,
        costUsd: 0,
        scored: 0,
        meanOks: null,
        fidelityRate: null,
        rated: 0,
        meanRating: null,
        retryRate: 0,
        exportRate: 0,
      },
    ]);
    // Another user's month holds none of it.
    const other = (await (await (await signUp()).fetch("/api/v1/metrics")).json()) as Metrics;
    expect(other.quality).toMatchObject({ scored: 0, meanOks: null, retryRate: null, exportRate: null });
  });

  it("a recorded score brings the template's fidelity rate up to date", async () => {
    const { uid, generationId, requested } = await seed();
    const rate = async (id: string) =>
      (await env.DB.prepare("select fidelity_rate r from pose_templates where id = ?")
        .bind(id)
        .first<{ r: number | null }>())!.r;
    expect(await rate(C)).toBeNull();
    // The detection is the requested skeleton itself: OKS 1, at or above 0.5.
    expect(
      await recordQualityScore(env, { userId: uid, generationId, poseTemplateId: C }, requested, "browser"),
    ).toEqual({
      score: 1,
      drifted: false,
    });
    expect(await rate(C)).toBe(1);
    // Nobody detected: OKS 0 → one of one scored results drifted.
    const nobody = { ...requested, people: [] };
    await recordQualityScore(env, { userId: uid, generationId, poseTemplateId: C }, nobody, "browser");
    expect(await rate(C)).toBe(0);
  });

  it("flags templates and providers below the fidelity or rating alert, from MIN_SAMPLE results on", () => {
    const figures = (scored: number, fidelityRate: number, rated: number, meanRating: number) => ({
      scored,
      meanOks: 0.5,
      fidelityRate,
      rated,
      meanRating,
      retryRate: 0,
      exportRate: 0,
    });
    const metrics = {
      qualityByTemplate: [
        { templateId: "t-drift", name: "Drifty", ...figures(MIN_SAMPLE, 0.79, 0, 0) },
        { templateId: "t-few", name: "Few", ...figures(MIN_SAMPLE - 1, 0, MIN_SAMPLE - 1, 1) },
        { templateId: "t-good", name: "Good", ...figures(10, 0.8, 10, 3) },
      ],
      providerComparison: [
        {
          provider: "comfyui",
          model: "m1",
          attempts: 9,
          succeeded: 9,
          successRate: 1,
          avgSeconds: 1,
          costUsd: 0,
          ...figures(9, 0.95, 4, 2.9),
        },
      ],
    } as unknown as Metrics;
    expect(qualityAlerts(metrics).map((a) => [a.metric, a.value, a.limit])).toEqual([
      ["fidelityRate:template:t-drift", 0.79, 0.8],
      ["meanRating:provider:comfyui/m1", 2.9, 3],
    ]);
  });
});
