import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

type Summary = { id: string; avatarId: string | null; avatarName: string | null };

describe("a user's results outlive the avatar", () => {
  it("deleting an avatar keeps its generations and their images, names the avatar, and says how many stay", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user, { name: "Sari", gender: "female", ageRange: "25-34" });
    expect(await (await user.fetch(`/api/v1/avatars/${avatar.id}`)).json()).toMatchObject({ generationCount: 0 });
    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-hand-on-hip"] });
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", avatarId: avatar.id, avatarName: "Sari" });
    expect(await (await user.fetch(`/api/v1/avatars/${avatar.id}`)).json()).toMatchObject({ generationCount: 1 });

    const res = await user.fetch(`/api/v1/avatars/${avatar.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, generationsKept: 1 });

    const after = (await (await user.fetch(`/api/v1/generations/${started.id}`)).json()) as GenerationState & Summary;
    expect(after).toMatchObject({ id: started.id, status: "completed", avatarId: null, avatarName: "Sari" });
    const image = await user.fetch(after.poses[0]!.imageUrl!);
    expect(image.status).toBe(200);
    const list = (await (await user.fetch("/api/v1/generations")).json()) as { items: Summary[] };
    expect(list.items).toEqual([expect.objectContaining({ id: started.id, avatarId: null, avatarName: "Sari" })]);
    const kept = await env.IMAGES.list({ prefix: `generations/${started.id}/` });
    expect(kept.objects.map((o) => o.key)).toEqual([`generations/${started.id}/builtin-hand-on-hip/base.jpg`]);
    // The avatar's own images went with it.
    expect((await env.IMAGES.list({ prefix: `avatars/${uid}/` })).objects).toEqual([]);
  });

  it("a full page of 100 avatars carries each one's generation count", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const now = Date.now();
    const insert = env.DB.prepare(
      `insert into avatars (id, user_id, name, base_image_url, thumbnail_url, image_key, thumbnail_key, content_type,
         width, height, byte_size, sha256, created_at, updated_at)
       values (?, ?, ?, '/i', '/t', 'k', 't', 'image/jpeg', 512, 512, 1, 'x', ?, ?)`,
    );
    await env.DB.batch(
      Array.from({ length: 100 }, (_, i) => insert.bind(`${uid}-a${i}`, uid, `A${i}`, now + i, now + i)),
    );
    await env.DB.prepare(
      `insert into pose_generations (id, user_id, avatar_id, avatar_name, total_poses, selected_pose_ids, quality, created_at, updated_at)
       values (?, ?, ?, 'A7', 1, '["p"]', 'sd', ?, ?)`,
    )
      .bind(`${uid}-g`, uid, `${uid}-a7`, now, now)
      .run();
    const res = await user.fetch("/api/v1/avatars?limit=100");
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { name: string; generationCount: number }[] };
    expect(page.items).toHaveLength(100);
    expect(page.items.filter((a) => a.generationCount > 0)).toEqual([
      expect.objectContaining({ name: "A7", generationCount: 1 }),
    ]);
  });
});
