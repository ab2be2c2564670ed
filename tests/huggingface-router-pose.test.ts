// A pose with HF_TOKEN alone, through the pose stage as the queue consumer runs it: the avatar and
// the skeleton the instant engine drew go to Qwen-Image-Edit-2509 on fal-ai; a model no provider
// serves fails the pose at once with the Hub's words (run-pose-job.ts records err.cause.message
// as the pose's error); an unreachable router is retried per the policy and then says what it
// could not reach; neither falls back to the instant engine.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { huggingFaceRouterVars } from "../dev-tools/fake-provider/hf-router";
import { config } from "../worker/config";
import { generatePose } from "../worker/pipeline/generate-pose";
import { bytesToBase64 } from "../worker/providers/base64";
import { RetriesExhausted } from "../worker/providers/retry";
import { fakeProvider } from "./helpers/fake-provider";
import { poseContext, riggedAvatar } from "./helpers/pose-context";
import { signUp } from "./helpers/users";

const routerEnv = (extra: Record<string, string> = {}) =>
  ({
    ...env,
    ...huggingFaceRouterVars(env.FAKE_PROVIDER_URL, "hf_test_token"),
    PROVIDER_ORDER: "huggingface",
    PROVIDER_TIMEOUT_MS: "10000",
    ...extra,
  }) as Env;

describe("a pose with HF_TOKEN alone", () => {
  it("sends the avatar and the instant engine's skeleton to the editing model and keeps its picture", async () => {
    const user = await signUp();
    const { ctx, templateSkeleton, trace } = await poseContext(routerEnv(), user, await riggedAvatar(user), null);
    const jpeg = await generatePose(ctx);
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    expect(ctx).toMatchObject({ provider: "huggingface", model: "Qwen/Qwen-Image-Edit-2509", startImage: "instant" });
    const [seen, ...more] = await fakeProvider.requests(trace);
    expect(more).toHaveLength(0);
    expect(seen).toMatchObject({ protocol: "hf-router", path: "/hf-router/fal-ai/fal-ai/qwen-image-edit-plus" });
    expect(seen!.avatarImage).toBe(bytesToBase64(ctx.avatarBytes));
    // The skeleton on the avatar's own proportions, not the template's.
    expect(seen!.controlImage).not.toBe(bytesToBase64(templateSkeleton));
  });

  it("a model no provider serves fails the pose once, in the Hub's words, without the instant engine", async () => {
    const user = await signUp();
    const runEnv = routerEnv({ HF_POSE_MODEL: "lllyasviel/control_v11p_sd15_openpose" });
    const { ctx, trace } = await poseContext(runEnv, user, await riggedAvatar(user), null);
    const err = await generatePose(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    const exhausted = err as RetriesExhausted;
    expect(exhausted.attempts).toBe(1);
    expect(exhausted.cause).toMatchObject({ kind: "not_configured", provider: "huggingface" });
    expect(exhausted.cause.message).toContain(
      "We have not been able to find inference provider information for model lllyasviel/control_v11p_sd15_openpose",
    );
    expect(ctx.provider).toBe("huggingface");
    expect(await fakeProvider.requests(trace)).toHaveLength(0);
  });

  it("an unreachable router is retried per the policy, then ends with 'could not reach'", async () => {
    const user = await signUp();
    const runEnv = routerEnv({ HF_HUB_URL: "http://127.0.0.1:1", HF_ROUTER_URL: "http://127.0.0.1:1" });
    const { ctx } = await poseContext(runEnv, user, await riggedAvatar(user), null);
    const err = await generatePose(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    const exhausted = err as RetriesExhausted;
    expect(exhausted.attempts).toBe(config(runEnv).providers.retry.maxAttempts);
    expect(exhausted.cause).toMatchObject({ kind: "server", provider: "huggingface" });
    expect(exhausted.cause.message).toMatch(/^Could not reach Hugging Face at 127\.0\.0\.1:1/);
    expect(ctx.provider).toBe("huggingface");
  });
});
