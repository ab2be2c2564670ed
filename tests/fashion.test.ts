import { PhotonImage } from "@cf-wasm/photon";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GenerationState } from "../shared/api/generations";
import { placeAccessories } from "../shared/fashion/anchors";
import { maskPng } from "../shared/raster/mask";
import { hijabMask } from "../shared/fashion/regions";
import { readOpenPose } from "../shared/pose/openpose-json";
import { letterboxPose } from "../shared/pose/transform";
import { hijabPrompt } from "../shared/prompts/fashion-prompt";
import { app } from "../worker/app";
import { bytesToBase64 } from "../worker/providers/base64";
import { fakeProvider } from "./helpers/fake-provider";
import { json, startGeneration, uploadAvatar, userId, waitForFinal } from "./helpers/generations";
import { ORIGIN, signUp, type TestUser } from "./helpers/users";

const TEMPLATES = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-three-quarter-turn"];

async function outputPoseOf(user: TestUser, templateId: string) {
  const t = (await (await user.fetch(`/api/v1/templates/${templateId}`)).json()) as { keypoints: unknown };
  return letterboxPose(readOpenPose(t.keypoints).pose, 512, 768);
}

async function pixels(key: string) {
  const object = await env.IMAGES.get(key);
  const image = PhotonImage.new_from_byteslice(new Uint8Array(await object!.arrayBuffer()));
  const out = { width: image.get_width(), data: image.get_raw_pixels() };
  image.free();
  return (x: number, y: number) => {
    const i = (Math.round(y) * out.width + Math.round(x)) * 4;
    return [out.data[i]!, out.data[i + 1]!, out.data[i + 2]!];
  };
}

describe("fashion stage", () => {
  it("hijab + watch + sunglasses on 3 poses: base.jpg and fashion.jpg each, the provider got the mask and prompt, overlays at the anchors", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const avatar = await uploadAvatar(user);
    const fashion = { hijab: { style: "pashmina", colour: "#1f3a5f" }, accessories: ["watch", "sunglasses"] };
    const started = await startGeneration(user, {
      avatarId: avatar.id,
      poseTemplateIds: TEMPLATES,
      fashionSettings: fashion,
    });
    expect(started.fashionSettings).toEqual({ ...fashion, outfit: "none" });
    const done = await waitForFinal(user, started.id);
    expect(done).toMatchObject({ status: "completed", successfulPoses: 3 });

    const keys = (await env.IMAGES.list({ prefix: `generations/${started.id}/` })).objects.map((o) => o.key).sort();
    expect(keys).toEqual(
      TEMPLATES.flatMap((t) => [
        `generations/${started.id}/${t}/base.jpg`,
        `generations/${started.id}/${t}/fashion.jpg`,
      ]).sort(),
    );

    const inpaints = (await fakeProvider.requests(`${uid}/${started.id}/`)).filter((r) => r.path === "/hf/inpaint");
    expect(inpaints).toHaveLength(3);
    for (const templateId of TEMPLATES) {
      const pose = await outputPoseOf(user, templateId);
      const seen = inpaints.find((r) => r.trace.includes(`/${templateId}/`))!;
      expect(seen.prompt).toBe(hijabPrompt("pashmina", "#1f3a5f"));
      expect(seen.prompt).toContain("navy blue");
      expect(seen.prompt).toContain("realistic fabric texture, proper shadows and highlights");
      expect(seen.maskImage).toBe(bytesToBase64(maskPng(hijabMask(pose, "pashmina"))));

      // The final image is what the pose route serves; ?stage=base is the pose before fashion.
      const finalRes = await user.fetch(`/api/v1/generations/${started.id}/poses/${templateId}/image`);
      const baseRes = await user.fetch(`/api/v1/generations/${started.id}/poses/${templateId}/image?stage=base`);
      expect(new Uint8Array(await finalRes.arrayBuffer())).not.toEqual(new Uint8Array(await baseRes.arrayBuffer()));

      const at = await pixels(`generations/${started.id}/${templateId}/fashion.jpg`);
      const before = await pixels(`generations/${started.id}/${templateId}/base.jpg`);
      const body = pose.people[0]!.body;
      // Sunglasses: dark lenses over both eyes.
      for (const eye of [body[14]!, body[15]!])
        for (const v of at(eye.x, eye.y)) expect(v, `${templateId} eye`).toBeLessThan(70);
      // Watch: the light dial around its anchor near the wrist (off centre, where no hand is drawn).
      const watch = placeAccessories(pose, ["watch"])[0]!;
      const [dx, dy] = [-Math.sin(watch.angle) * 0.15 * watch.width, Math.cos(watch.angle) * 0.15 * watch.width];
      for (const v of at(watch.x + dx, watch.y + dy)) expect(v, `${templateId} watch`).toBeGreaterThan(190);
      // The hijab region changed (the fake paints it the prompt's colour); a far corner did not.
      const neck = body[1]!;
      expect(at(neck.x, neck.y)).not.toEqual(before(neck.x, neck.y));
      expect(
        at(5, 760)
          .map((v, i) => Math.abs(v - before(5, 760)[i]!))
          .every((d) => d < 12),
      ).toBe(true);
    }
    const metric = await env.DB.prepare(
      "select sum(attempts) a, sum(estimated_cost_usd) c from pose_metrics where generation_id = ?",
    )
      .bind(started.id)
      .first<{ a: number; c: number }>();
    expect(metric!.a).toBe(6);
  });

  it("rejects unknown styles, too many or repeated accessories and malformed colours with a 4xx", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const cases: [Record<string, unknown>, string][] = [
      [{ hijab: { style: "niqab" } }, "style"],
      [{ hijab: { style: "modern", colour: "red" } }, "colour"],
      [{ hijab: { style: "modern", colour: "#12345" } }, "colour"],
      [{ hijab: { style: "modern", colour: "#12345g" } }, "colour"],
      [{ accessories: ["crown"] }, "accessories"],
      [{ accessories: ["watch", "watch"] }, "accessories"],
      [{ accessories: ["watch", "bag", "jewelry", "sunglasses", "watch"] }, "accessories"],
      [{ outfit: "swimwear" }, "outfit"],
      [{ shoes: "heels" }, "shoes"],
    ];
    for (const [fashionSettings, field] of cases) {
      const res = await user.fetch(
        "/api/v1/generations",
        json("POST", { avatarId: avatar.id, poseTemplateIds: TEMPLATES.slice(0, 1), fashionSettings }),
      );
      expect(res.status, JSON.stringify(fashionSettings)).toBe(400);
      expect(JSON.stringify(await res.json()), field).toContain(field);
    }
  });

  it("without an inpainting provider: hijab and outfit are refused with the reason, accessories still work", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const noInpainting = { ...env, INPAINTING_PROVIDER_ORDER: "none" } as Env;
    const post = async (fashionSettings: unknown) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request(`${ORIGIN}/api/v1/generations`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            cookie: user.cookie,
            "cf-connecting-ip": user.ip,
          },
          body: JSON.stringify({ avatarId: avatar.id, poseTemplateIds: TEMPLATES.slice(0, 1), fashionSettings }),
        }),
        noInpainting,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    for (const fashion of [{ hijab: { style: "modern" } }, { outfit: "formal" }]) {
      const refused = await post(fashion);
      expect(refused.status).toBe(422);
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("fashion_unavailable");
      expect(error.message).toContain("Accessories work without one");
    }
    const status = await app.fetch(new Request(`${ORIGIN}/api/v1/providers`), noInpainting, createExecutionContext());
    expect(((await status.json()) as { inpainting: { configured: boolean } }).inpainting.configured).toBe(false);

    const accepted = await post({ accessories: ["sunglasses", "bag"] });
    expect(accepted.status).toBe(202);
    const id = ((await accepted.json()) as GenerationState).id;
    expect(await waitForFinal(user, id)).toMatchObject({ status: "completed", successfulPoses: 1 });
    const uid = await userId(user);
    expect((await fakeProvider.requests(`${uid}/${id}/`)).filter((r) => r.path.includes("inpaint"))).toEqual([]);
    const pose = await outputPoseOf(user, TEMPLATES[0]!);
    const at = await pixels(`generations/${id}/${TEMPLATES[0]}/fashion.jpg`);
    for (const v of at(pose.people[0]!.body[14]!.x, pose.people[0]!.body[14]!.y)) expect(v).toBeLessThan(70);
    const bag = placeAccessories(pose, ["bag"])[0]!;
    // The bag's tan body hangs below the hand.
    const [r, g, b] = at(bag.x, bag.y + bag.width * 0.6) as [number, number, number];
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });
});
