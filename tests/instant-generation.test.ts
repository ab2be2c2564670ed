// The product's main job with no AI vendor, through the real engine (no stand-in): an avatar
// uploaded with its cut-out and pose, three poses picked, Generate → three pictures of that person,
// each in its own pose.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import type { Rgba } from "../shared/raster/rgba";
import { decodeRgba } from "../worker/images/rgba";
import { asFile, astronautBody, astronautCutout, openPoseDoc } from "./helpers/astronaut-rig";
import { json, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";
import { asUserWithoutAi } from "./helpers/without-ai";

const POSES = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-both-hands-hips"];
const asUser = asUserWithoutAi;

/** Mean colour of the opaque pixels and where they are (a set of indices). */
function person(image: Rgba) {
  const at = new Set<number>();
  const sum = [0, 0, 0];
  for (let i = 0; i < image.width * image.height; i++) {
    if (image.data[i * 4 + 3]! < 128) continue;
    at.add(i);
    for (let c = 0; c < 3; c++) sum[c]! += image.data[i * 4 + c]!;
  }
  return { at, mean: sum.map((v) => v / Math.max(at.size, 1)) };
}

describe("instant poses through the real engine", () => {
  it("uploads an avatar with its rig, generates three poses with no AI, and gets that person in each pose", async () => {
    const user = await signUp();
    const form = new FormData();
    form.set("name", "Astro");
    form.set("file", asFile(new Uint8Array(env.FIXTURE_ASTRONAUT_PNG), "astronaut.png"));
    form.set("cutout", asFile(astronautCutout(), "cutout.png"));
    form.set("pose", openPoseDoc(astronautBody()));
    const uploaded = await asUser(user, "/api/v1/avatars", { method: "POST", body: form });
    expect(uploaded.status).toBe(201);
    const avatar = (await uploaded.json()) as { id: string; rig: string };
    expect(avatar.rig).toBe("ready");

    const res = await asUser(
      user,
      "/api/v1/generations",
      json("POST", { avatarId: avatar.id, poseTemplateIds: POSES }),
    );
    expect(res.status).toBe(202);
    const started = (await res.json()) as GenerationState;
    const done = await waitForFinal(user, started.id, 120_000);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 3, provider: "instant" });

    const source = person(decodeRgba(astronautCutout()));
    const pictures = [];
    for (const pose of POSES) {
      const object = await env.IMAGES.get(`generations/${started.id}/${pose}/instant.png`);
      expect(object).not.toBeNull();
      pictures.push(person(decodeRgba(new Uint8Array(await object!.arrayBuffer()))));
    }
    for (const p of pictures) {
      // The person, not a skeleton: a figure-sized area in the avatar's own colours.
      expect(p.at.size).toBeGreaterThan(20_000);
      p.mean.forEach((v, c) => expect(Math.abs(v - source.mean[c]!)).toBeLessThan(30));
    }
    // Each pose its own picture: the silhouettes differ.
    for (let a = 0; a < pictures.length; a++)
      for (let b = a + 1; b < pictures.length; b++) {
        let both = 0;
        for (const i of pictures[a]!.at) if (pictures[b]!.at.has(i)) both++;
        const union = pictures[a]!.at.size + pictures[b]!.at.size - both;
        expect(both / union).toBeLessThan(0.97);
      }
  });
});
