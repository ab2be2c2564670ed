// What a pose is made from: its generation, avatar and template read in one D1 round trip (each
// the caller's own), and the avatar's image read from R2 once for the poses of a batch.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { avatarBytes, forgetAvatarBytes } from "../worker/pipeline/avatar-bytes";
import type { PoseJob } from "../worker/pipeline/pose-job";
import { loadContext } from "../worker/pipeline/run-pose-job";
import { startGeneration, uploadAvatar, userId } from "./helpers/generations";
import { messiJpg } from "./helpers/images";
import { signUp } from "./helpers/users";

const hooks = { proceed: async () => true, beforeProviderCall: async () => {}, roundCalls: 0 };

/** A generation of one pose by a new user, and that pose's job. */
async function onePose() {
  const user = await signUp("Pose Inputs");
  const avatar = await uploadAvatar(user);
  const generation = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-wave"] });
  const job: PoseJob = {
    type: "pose",
    userId: await userId(user),
    generationId: generation.id,
    poseTemplateId: "builtin-wave",
    round: 0,
  };
  return { avatarId: avatar.id, job };
}

/** The code of the PoseInputMissing that loading `job` throws. */
const missing = (job: PoseJob) =>
  loadContext(env, job, hooks).then(
    () => "loaded",
    (err: { code?: string }) => err.code ?? String(err),
  );

/** A bucket that counts its reads. */
function countingBucket() {
  const counts = { get: 0 };
  const bucket = {
    get: (key: string) => {
      counts.get++;
      return env.IMAGES.get(key);
    },
  } as unknown as R2Bucket;
  return { bucket, counts };
}

beforeEach(() => forgetAvatarBytes());

// The image's own tests first: the generations started below run poses that read images too.
describe("the avatar's image", () => {
  it("is read once for every pose asking for it at once or soon after", async () => {
    const key = `test/avatar-bytes/${crypto.randomUUID()}.jpg`;
    await env.IMAGES.put(key, messiJpg());
    const { bucket, counts } = countingBucket();
    const [a, b] = await Promise.all([avatarBytes(bucket, key), avatarBytes(bucket, key)]);
    const c = await avatarBytes(bucket, key);
    expect(counts.get).toBe(1);
    expect(a).toEqual(messiJpg());
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("is not kept when R2 has none, so the next pose looks again", async () => {
    const key = `test/avatar-bytes/${crypto.randomUUID()}.jpg`;
    const { bucket, counts } = countingBucket();
    expect(await avatarBytes(bucket, key)).toBeNull();
    await env.IMAGES.put(key, messiJpg());
    expect(await avatarBytes(bucket, key)).toEqual(messiJpg());
    expect(counts.get).toBe(2);
  });

  it("keeps at most two images", async () => {
    const keys = [1, 2, 3].map((n) => `test/avatar-bytes/${crypto.randomUUID()}-${n}.jpg`);
    for (const key of keys) await env.IMAGES.put(key, messiJpg());
    const { bucket, counts } = countingBucket();
    for (const key of keys) await avatarBytes(bucket, key);
    await avatarBytes(bucket, keys[2]!);
    await avatarBytes(bucket, keys[1]!);
    expect(counts.get).toBe(3);
    await avatarBytes(bucket, keys[0]!);
    expect(counts.get).toBe(4);
  });
});

describe("a pose's inputs", () => {
  it("are the generation's own avatar, template and the avatar's image", async () => {
    const { avatarId, job } = await onePose();
    const ctx = await loadContext(env, job, hooks);
    expect(ctx.generation.id).toBe(job.generationId);
    expect(ctx.avatar.id).toBe(avatarId);
    expect(ctx.template.id).toBe("builtin-wave");
    const stored = await env.IMAGES.get(ctx.avatar.imageKey);
    expect(ctx.avatarBytes).toEqual(new Uint8Array(await stored!.arrayBuffer()));
  });

  it("are refused to another user, and say what is missing", async () => {
    const { avatarId, job } = await onePose();
    const other = await userId(await signUp("Someone Else"));
    expect(await missing({ ...job, userId: other })).toBe("generation_gone");
    expect(await missing({ ...job, generationId: crypto.randomUUID() })).toBe("generation_gone");
    expect(await missing({ ...job, poseTemplateId: "no-such-template" })).toBe("template_deleted");
    // The avatar belongs to someone else (the generation's own row still points at it).
    await env.DB.prepare("UPDATE avatars SET user_id = ? WHERE id = ?").bind(other, avatarId).run();
    expect(await missing(job)).toBe("avatar_deleted");
    await env.DB.prepare("UPDATE avatars SET user_id = ? WHERE id = ?").bind(job.userId, avatarId).run();
    expect(await missing(job)).toBe("loaded");
    await env.DB.prepare("DELETE FROM avatars WHERE id = ?").bind(avatarId).run();
    expect(await missing(job)).toBe("avatar_deleted");
  });
});
