import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BODY } from "../shared/pose/model";
import { readOpenPose } from "../shared/pose/openpose-json";
import { letterboxPose } from "../shared/pose/transform";
import { backgroundStage } from "../shared/stages/background";
import { themeStage } from "../shared/stages/theme";
import { settingsByStage } from "../shared/stages";
import { runStage } from "../worker/pipeline/run-stage";
import type { PoseContext } from "../worker/pipeline/pose-context";
import { fakeProvider } from "./helpers/fake-provider";
import { json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { avatarForm } from "./helpers/images";
import { signUp, type TestUser } from "./helpers/users";

const TEMPLATES = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-three-quarter-turn"];
const astronautPng = () => new Uint8Array(env.FIXTURE_ASTRONAUT_PNG);
const cutoutPng = () => new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG);

function rgbaOf(bytes: Uint8Array) {
  const image = PhotonImage.new_from_byteslice(bytes);
  const out = { width: image.get_width(), data: image.get_raw_pixels() };
  image.free();
  return (x: number, y: number) => {
    const i = (Math.round(y) * out.width + Math.round(x)) * 4;
    return [...out.data.subarray(i, i + 4)];
  };
}

async function uploadWithCutout(user: TestUser) {
  const form = avatarForm(astronautPng(), "astronaut.png", { name: "Astronaut" });
  form.set("cutout", new File([cutoutPng()], "cutout.png", { type: "image/png" }));
  return user.fetch("/api/v1/avatars", { method: "POST", body: form });
}

describe("background and theme stages", () => {
  it("avatar → pose → fashion → background → theme on 3 poses: four stage images each, the pose points at final.jpg", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: TEMPLATES,
      fashionSettings: { hijab: { style: "modern" }, accessories: ["watch"] },
      backgroundSettings: { mode: "scene", scene: "office" },
      professionTheme: "doctor",
    });
    expect(started).toMatchObject({
      backgroundSettings: { mode: "scene", scene: "office" },
      professionTheme: "doctor",
    });
    expect(await waitForFinal(user, started.id)).toMatchObject({ status: "completed", successfulPoses: 3 });
    const keys = (await env.IMAGES.list({ prefix: `generations/${started.id}/` })).objects.map((o) => o.key).sort();
    expect(keys).toEqual(
      TEMPLATES.flatMap((t) =>
        ["background", "base", "fashion", "final"].map((s) => `generations/${started.id}/${t}/${s}.jpg`),
      ).sort(),
    );
    const rows = await env.DB.prepare("select output_key from generated_poses where generation_id = ?")
      .bind(started.id)
      .all<{ output_key: string }>();
    expect(rows.results.map((r) => r.output_key.split("/").pop())).toEqual(["final.jpg", "final.jpg", "final.jpg"]);
    const seen = await fakeProvider.requests(`${uid}/${started.id}/`);
    expect(seen.filter((r) => r.path === "/hf/segment")).toHaveLength(3);
    const inpaints = seen.filter((r) => r.path === "/hf/inpaint");
    expect(inpaints).toHaveLength(6);
    expect(inpaints.filter((r) => r.prompt.startsWith("a crisp white doctor's lab coat"))).toHaveLength(3);
    // The office scene was painted once, cached in R2, and reused for every pose (and later generations).
    expect((await fakeProvider.requests("scene/office/512x768")).length).toBe(1);
    expect(await env.IMAGES.head("scenes/office-512x768.jpg")).not.toBeNull();
    const again = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: TEMPLATES.slice(0, 1),
      backgroundSettings: { mode: "scene", scene: "office" },
    });
    expect(await waitForFinal(user, again.id)).toMatchObject({ status: "completed" });
    expect((await fakeProvider.requests("scene/office/512x768")).length).toBe(1);
    // Every stage is reachable for the before/after slider.
    for (const stage of ["base", "fashion", "background", "final"]) {
      const res = await user.fetch(`/api/v1/generations/${started.id}/poses/${TEMPLATES[0]}/image?stage=${stage}`);
      expect(res.status, stage).toBe(200);
    }
  });

  it("with no segmentation or inpainting provider: the uploaded cut-out removes the background, built-in backdrops and props still work", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const res = await uploadWithCutout(user);
    expect(res.status).toBe(201);
    const avatarId = ((await res.json()) as { id: string }).id;
    const avatar = (await env.DB.prepare("select * from avatars where id = ?")
      .bind(avatarId)
      .first<{ cutout_key: string }>())!;
    expect(avatar.cutout_key).toMatch(/cutout\.png$/);

    const template = (await (await user.fetch(`/api/v1/templates/${TEMPLATES[0]}`)).json()) as { keypoints: unknown };
    const pose = letterboxPose(readOpenPose(template.keypoints).pose, 512, 768);
    const noProviders = {
      ...env,
      SEGMENTATION_PROVIDER_ORDER: "none",
      INPAINTING_PROVIDER_ORDER: "none",
      TEXT_PROVIDER_ORDER: "none",
    } as Env;
    // A pose image as the pose stage would leave it: a plain grey picture.
    const grey = new PhotonImage(new Uint8Array(512 * 768 * 4).fill(150), 512, 768);
    const baseKey = `generations/no-provider-${uid}/${TEMPLATES[0]}/base.jpg`;
    await env.IMAGES.put(baseKey, grey.get_bytes_jpeg(90));
    grey.free();
    const ctx = (generation: Record<string, unknown>): PoseContext =>
      ({
        env: noProviders,
        job: { userId: uid, generationId: `no-provider-${uid}`, poseTemplateId: TEMPLATES[0], round: 1 },
        // A generation row stores its settings by stage name.
        generation: { seed: null, stageSettings: settingsByStage(generation) },
        avatar: { cutoutKey: avatar.cutout_key },
        template: { keypointsJson: JSON.stringify(template.keypoints) },
        size: { width: 512, height: 768 },
        current: { stage: "base", key: baseKey },
        attempts: 0,
        costUsd: 0,
        proceed: async () => true,
      }) as unknown as PoseContext;

    const removed = ctx({ backgroundSettings: { mode: "remove" } });
    await runStage(backgroundStage, removed);
    expect(removed.current!.key).toMatch(/background\.png$/);
    const cut = rgbaOf(new Uint8Array(await (await env.IMAGES.get(removed.current!.key))!.arrayBuffer()));
    const neck = pose.people[0]!.body[BODY.neck]!;
    expect(cut(neck.x, neck.y + 40)[3]).toBe(255);
    expect(cut(5, 5)[3]).toBe(0);

    const themed = ctx({ backgroundSettings: { mode: "scene", scene: "studio" }, professionTheme: "chef" });
    await runStage(backgroundStage, themed);
    await runStage(themeStage, themed);
    expect(themed.current!.key).toMatch(/final\.jpg$/);
    const final = rgbaOf(new Uint8Array(await (await env.IMAGES.get(themed.current!.key))!.arrayBuffer()));
    // The chef's hat (white) sits above the head, kept inside the picture (near the top edge it
    // shrinks and moves down instead of running off it); the studio backdrop shows at the edge.
    const eyes = pose.people[0]!.body[BODY.rightEye]!;
    expect(
      final(neck.x, eyes.y - 40)
        .slice(0, 3)
        .every((v) => v > 225),
    ).toBe(true);
    expect(final(5, 300).slice(0, 3)).not.toEqual([150, 150, 150]);
    expect(await fakeProvider.requests(`${uid}/no-provider-`)).toEqual([]);
  });

  it("answers bad scenes, themes, backgrounds, cut-outs and props with a 4xx JSON error", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const base = { avatarId: avatar.id, poseTemplateIds: TEMPLATES.slice(0, 1) };
    const generation = (extra: Record<string, unknown>) =>
      user.fetch("/api/v1/generations", json("POST", { ...base, ...extra }));
    for (const backgroundSettings of [
      { mode: "scene", scene: "beach" },
      { mode: "sky" },
      { mode: "colour", colour: "blue" },
      { mode: "scene", scene: "studio", extra: 1 },
    ]) {
      expect((await generation({ backgroundSettings })).status, JSON.stringify(backgroundSettings)).toBe(400);
    }
    const unknownTheme = await generation({ professionTheme: "astronaut" });
    expect(unknownTheme.status).toBe(404);
    expect(((await unknownTheme.json()) as { error: { code: string } }).error.code).toBe("theme_not_found");

    // Someone else's background picture is not found; a text file is not a picture.
    const other = await signUp();
    const form = new FormData();
    form.set("file", new File([astronautPng()], "bg.png", { type: "image/png" }));
    const theirs = (await (await other.fetch("/api/v1/backgrounds", { method: "POST", body: form })).json()) as {
      id: string;
    };
    expect((await generation({ backgroundSettings: { mode: "image", backgroundId: theirs.id } })).status).toBe(404);
    const text = new FormData();
    text.set("file", new File(["not a picture"], "bg.jpg", { type: "image/jpeg" }));
    expect((await user.fetch("/api/v1/backgrounds", { method: "POST", body: text })).status).toBe(415);

    // Themes: an invalid prop, too many props, an unknown scene.
    for (const theme of [
      { name: "Diver", clothing: "a wetsuit", props: ["flippers"], scene: "studio" },
      { name: "All", clothing: "x", props: ["book", "pointer", "chef-hat", "pilot-cap"], scene: "studio" },
      { name: "Moon", clothing: "x", props: [], scene: "moon" },
    ]) {
      expect((await user.fetch("/api/v1/themes", json("POST", theme))).status, theme.name).toBe(400);
    }
    const mine = await user.fetch(
      "/api/v1/themes",
      json("POST", { name: "Barista", clothing: "a barista apron", props: ["book"], scene: "cafe" }),
    );
    expect(mine.status).toBe(201);
    const themeId = ((await mine.json()) as { id: string }).id;
    expect((await generation({ professionTheme: themeId })).status).toBe(202);
    expect((await other.fetch("/api/v1/generations", json("POST", { ...base, professionTheme: themeId }))).status).toBe(
      404,
    );

    // A cut-out must be a transparent PNG of the photo's size.
    const jpegCutout = avatarForm(astronautPng(), "a.png", { name: "A" });
    jpegCutout.set("cutout", new File([astronautPng()], "c.png", { type: "image/png" }));
    const notTransparent = await user.fetch("/api/v1/avatars", { method: "POST", body: jpegCutout });
    expect(notTransparent.status).toBe(422);
    expect(((await notTransparent.json()) as { error: { code: string } }).error.code).toBe("cutout_not_transparent");
  });
});
