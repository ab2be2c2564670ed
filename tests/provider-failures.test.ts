// Acceptance across vendors, through the pose stage's provider call (generatePose, whose
// RetriesExhausted cause is the pose's error: run-pose-job.ts `fail(err.cause.message)`):
// (a) a setup error — an unknown model or an incompatible one, a missing node — is tried once and
//     its words reach the pose; (b) an unreachable server is retried per the policy and ends
//     "could not reach …"; (c) neither is answered by the instant engine.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { generatePose } from "../worker/pipeline/generate-pose";
import type { PoseJob } from "../worker/pipeline/pose-job";
import { loadContext } from "../worker/pipeline/run-pose-job";
import { RetriesExhausted } from "../worker/providers/retry";
import { fakeComfy } from "./helpers/fake-comfyui";
import { startGeneration, uploadAvatar, userId } from "./helpers/generations";
import { signUp } from "./helpers/users";

const FAKE = env.FAKE_PROVIDER_URL;
const UNREACHABLE = "http://127.0.0.1:9";

/** Per vendor: the settings that make it the only pose vendor at `url`, and a setup mistake with the words it must produce. */
const VENDORS: {
  name: string;
  settings: (url: string) => Record<string, string>;
  url: () => Promise<string>;
  mistake: Record<string, string>;
  kind: string;
  words: string;
}[] = [
  {
    name: "modelslab",
    settings: (url) => ({ MODELSLAB_API_KEY: "ml_test", MODELSLAB_URL: url }),
    url: async () => `${FAKE}/modelslab`,
    mistake: { MODELSLAB_MODEL_ID: "no-such-model" },
    kind: "not_configured",
    words: "Model not found: no-such-model Check MODELSLAB_MODEL_ID.",
  },
  {
    name: "segmind",
    settings: (url) => ({ SEGMIND_API_KEY: "sg_test", SEGMIND_URL: url }),
    url: async () => `${FAKE}/segmind`,
    mistake: { SEGMIND_MODEL_SD: "sd1.5-openpose" },
    kind: "rejected",
    words: 'Segmind has no model "sd1.5-openpose"',
  },
  {
    name: "a1111",
    settings: (url) => ({ A1111_URL: url }),
    url: async () => `${FAKE}/a1111/standard`,
    mistake: { A1111_CONTROLNET_MODEL_SD: "thibaud_xl_openpose" },
    kind: "not_configured",
    words: "is not compatible with sd model(StableDiffusionVersion.SD1x)",
  },
  {
    name: "comfyui",
    settings: (url) => ({ COMFYUI_URL: url }),
    url: async () => (await fakeComfy({ missingNodes: ["ControlNetApplyAdvanced"] })).url,
    mistake: {},
    kind: "not_configured",
    words: "ComfyUI has no node 'ControlNetApplyAdvanced'",
  },
];

/** One pose of a real generation's rows, run on `vars` (the pose stage's provider call only). */
async function poseOn(vars: Record<string, string>) {
  const user = await signUp();
  const avatar = await uploadAvatar(user);
  const generation = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"] });
  const job = { userId: await userId(user), generationId: generation.id, poseTemplateId: "builtin-wave", round: 0 };
  const runEnv = { ...env, PROVIDER_ORDER: "", ...vars } as Env;
  const ctx = await loadContext(runEnv, job as PoseJob, {
    proceed: async () => true,
    beforeProviderCall: async () => {},
    roundCalls: 0,
  });
  const err = await generatePose(ctx).catch((e: unknown) => e);
  return { ctx, err };
}

describe("vendor failures reach the pose, retried only when they can pass", () => {
  for (const vendor of VENDORS) {
    it(`${vendor.name}: a setup mistake is tried once and says what to fix; no instant picture stands in`, async () => {
      const { ctx, err } = await poseOn({
        ...vendor.settings(await vendor.url()),
        PROVIDER_ORDER: vendor.name,
        ...vendor.mistake,
      });
      expect(err).toBeInstanceOf(RetriesExhausted);
      const { cause, attempts } = err as RetriesExhausted;
      expect([cause.kind, cause.provider, attempts]).toEqual([vendor.kind, vendor.name, 1]);
      expect(cause.message).toContain(vendor.words);
      expect(ctx.provider).toBe(vendor.name);
    });

    it(`${vendor.name}: an unreachable server is retried per the policy, then says it could not reach it`, async () => {
      const { ctx, err } = await poseOn({
        ...vendor.settings(`${UNREACHABLE}/${vendor.name}`),
        PROVIDER_ORDER: vendor.name,
      });
      expect(err).toBeInstanceOf(RetriesExhausted);
      const { cause, attempts } = err as RetriesExhausted;
      expect(attempts).toBe(6); // PROVIDER_MAX_ATTEMPTS in the test settings
      expect([cause.kind, cause.provider]).toEqual(["server", vendor.name]);
      expect(cause.message).toMatch(/could not reach/i);
      expect(ctx.provider).toBe(vendor.name);
    });
  }
});
