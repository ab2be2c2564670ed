import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { astronautPng, pngClaiming } from "./helpers/images";
import { signUp, type TestUser } from "./helpers/users";

const uploadBackground = (user: TestUser, bytes: Uint8Array, name = "bg.png") => {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type: "image/png" }));
  return user.fetch("/api/v1/backgrounds", { method: "POST", body: form });
};

describe("background pictures are decoded at upload", () => {
  it("refuses a picture whose header is valid but whose data does not decode, with a 422 and nothing stored", async () => {
    const user = await signUp();
    const uid = await userId(user);
    // A 512×512 PNG header in front of an image stream that is not one: photon cannot decode it.
    const res = await uploadBackground(user, pngClaiming(512, 512));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("corrupt_image");
    expect((await env.IMAGES.list({ prefix: `backgrounds/${uid}/` })).objects).toHaveLength(0);
    const list = (await (await user.fetch("/api/v1/backgrounds")).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
  });

  it("still accepts a real picture", async () => {
    const user = await signUp();
    const res = await uploadBackground(user, astronautPng());
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ width: 512, height: 512 });
  });

  it("a stored picture that does not decode fails the pose once, with a clear message, instead of re-running it", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    // A picture stored before uploads were decoded: put straight into R2 and D1.
    const id = crypto.randomUUID();
    const imageKey = `backgrounds/${uid}/${id}.png`;
    await env.IMAGES.put(imageKey, pngClaiming(512, 512), { httpMetadata: { contentType: "image/png" } });
    await env.DB.prepare(
      "insert into background_images (id, user_id, image_key, content_type, width, height, created_at) values (?, ?, ?, ?, ?, ?, ?)",
    )
      .bind(id, uid, imageKey, "image/png", 512, 512, Date.now())
      .run();
    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: ["builtin-front-neutral"],
      backgroundSettings: { mode: "image", backgroundId: id },
    });
    const final = await waitForFinal(user, started.id);
    expect(final.status).toBe("failed");
    expect(final.poses[0]!.error).toMatch(/background picture/i);
    const poseCalls = (await fakeProvider.requests(`${uid}/${started.id}/`)).filter((r) => r.path.startsWith("/hf/sd"));
    expect(poseCalls).toHaveLength(1);
  });
});
