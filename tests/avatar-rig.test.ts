import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readOpenPose } from "../shared/pose/openpose-json";
import { findOwnedAvatar } from "../worker/avatars/find-owned-avatar";
import { loadRig } from "../worker/avatars/load-rig";
import { BODY, type Slot } from "../shared/pose/model";
import { asFile, astronautBody, astronautCutout, openPoseDoc } from "./helpers/astronaut-rig";
import { astronautPng, pngClaiming } from "./helpers/images";
import { signUp, type TestUser } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string } };
type AvatarBody = { id: string; rig: "ready" | "missing"; width: number; height: number };
type RigBody = { pose: unknown; imageUrl: string; width: number; height: number };

async function uidOf(user: TestUser) {
  return ((await (await user.fetch("/api/v1/account/me")).json()) as { id: string }).id;
}

function uploadForm(fields: { file?: Uint8Array; cutout?: Uint8Array; pose?: string }) {
  const form = new FormData();
  form.set("name", "Astro");
  form.set("file", asFile(fields.file ?? astronautPng(), "a.png"));
  if (fields.cutout) form.set("cutout", asFile(fields.cutout, "c.png"));
  if (fields.pose !== undefined) form.set("pose", fields.pose);
  return form;
}

const post = (user: TestUser, form: FormData) => user.fetch("/api/v1/avatars", { method: "POST", body: form });

function putRig(user: TestUser, id: string, pose: string, cutout?: Uint8Array) {
  const form = new FormData();
  form.set("pose", pose);
  if (cutout) form.set("cutout", asFile(cutout, "c.png"));
  return user.fetch(`/api/v1/avatars/${id}/rig`, { method: "PUT", body: form });
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error.message;
}

async function created(res: Response) {
  expect(res.status).toBe(201);
  return (await res.json()) as AvatarBody;
}

async function rigOf(user: TestUser, id: string) {
  const res = await user.fetch(`/api/v1/avatars/${id}/rig`);
  expect(res.status).toBe(200);
  const rig = (await res.json()) as RigBody;
  return { ...rig, parsed: readOpenPose(rig.pose).pose };
}

/** An RGBA PNG of the photo's pixels with every alpha set by `alpha(x, y)`. */
function withAlpha(source: Uint8Array, alpha: (x: number, y: number) => number, side?: number) {
  let image = PhotonImage.new_from_byteslice(source);
  if (side) {
    const scaled = resize(image, side, side, SamplingFilter.Triangle);
    image.free();
    image = scaled;
  }
  const [w, h] = [image.get_width(), image.get_height()];
  const px = image.get_raw_pixels();
  image.free();
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[(y * w + x) * 4 + 3] = alpha(x, y);
  const out = new PhotonImage(px, w, h);
  const png = out.get_bytes();
  out.free();
  return png;
}

/** The image scaled to side × side, as PNG (keeps alpha) or JPEG. */
function scaledTo(bytes: Uint8Array, side: number, as: "png" | "jpeg") {
  const image = PhotonImage.new_from_byteslice(bytes);
  const scaled = resize(image, side, side, SamplingFilter.Triangle);
  image.free();
  const out = as === "png" ? scaled.get_bytes() : scaled.get_bytes_jpeg(85);
  scaled.free();
  return out;
}

const shifted = (body: Slot[], f: (p: { x: number; y: number }) => { x: number; y: number }) =>
  body.map((p) => (p ? { ...f(p), c: 1 } : null));

describe("avatar rig at upload", () => {
  it("a photo over the working size gets a 1024 px rig with the pose scaled onto it", async () => {
    const user = await signUp();
    // 1280² photo and cut-out; the pose is sent on its own 512² canvas (scaled onto the photo).
    const form = uploadForm({
      file: scaledTo(astronautPng(), 1280, "jpeg"),
      cutout: scaledTo(astronautCutout(), 1280, "png"),
      pose: openPoseDoc(astronautBody()),
    });
    const avatar = await created(await post(user, form));
    expect(avatar.rig).toBe("ready");
    const rig = await rigOf(user, avatar.id);
    expect(rig).toMatchObject({ width: 1024, height: 1024, imageUrl: `/api/v1/avatars/${avatar.id}/rig/image` });
    expect(rig.parsed.canvasWidth).toBe(1024);
    expect(rig.parsed.people).toHaveLength(1);
    const expected = astronautBody();
    rig.parsed.people[0]!.body.forEach((p, i) => {
      if (!expected[i]) return expect(p).toBeNull();
      expect(p!.x).toBeCloseTo(expected[i]!.x * 2, 3);
      expect(p!.y).toBeCloseTo(expected[i]!.y * 2, 3);
    });
    const image = await user.fetch(rig.imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const decoded = PhotonImage.new_from_byteslice(new Uint8Array(await image.arrayBuffer()));
    expect([decoded.get_width(), decoded.get_height()]).toEqual([1024, 1024]);
    const px = decoded.get_raw_pixels();
    decoded.free();
    expect(px[3]).toBe(0); // the top-left corner (the flag) was cut away
    expect(px[(600 * 1024 + 430) * 4 + 3]).toBeGreaterThan(200); // the suit's chest stays
  });

  it("a pose without a canvas is on the photo; a small photo is never scaled up", async () => {
    const user = await signUp();
    const form = uploadForm({ cutout: astronautCutout(), pose: openPoseDoc(astronautBody(), null) });
    const avatar = await created(await post(user, form));
    const rig = await rigOf(user, avatar.id);
    expect([rig.width, rig.height]).toEqual([512, 512]);
    expect(rig.parsed.people[0]!.body[BODY.neck]).toMatchObject({ x: 215, y: 295 });
    // As the engine loads it: the cut-out's pixels and the pose on them.
    const loaded = (await loadRig(env, await findOwnedAvatar(env, await uidOf(user), avatar.id)))!;
    expect([loaded.cutout.width, loaded.cutout.height, loaded.cutout.data.length]).toEqual([512, 512, 512 * 512 * 4]);
    expect(loaded.cutout.data[3]).toBe(0);
    expect(loaded.pose.body[BODY.rightElbow]).toMatchObject({ x: 45, y: 440 });
    expect(await loadRig(env, { rigKey: null, rigPose: null })).toBeNull();
  });

  it("the avatar list says which avatars have a rig", async () => {
    const user = await signUp();
    await created(await post(user, uploadForm({ cutout: astronautCutout(), pose: openPoseDoc(astronautBody()) })));
    await created(await post(user, uploadForm({ cutout: astronautCutout() })));
    const page = (await (await user.fetch("/api/v1/avatars")).json()) as { items: AvatarBody[] };
    expect(page.items.map((a) => a.rig)).toEqual(["missing", "ready"]);
  });

  it("a malformed pose is a 400 naming the field and the importer's reason; nothing is stored", async () => {
    const user = await signUp();
    const uid = await uidOf(user);
    const short = JSON.stringify({
      people: [{ pose_keypoints_2d: [1, 2, 3, 4, 5] }],
      canvas_width: 512,
      canvas_height: 512,
    });
    const message = await expectError(
      await post(user, uploadForm({ cutout: astronautCutout(), pose: short })),
      400,
      "invalid_pose",
    );
    expect(message).toMatch(/^pose: /);
    expect(message).toContain("pose_keypoints_2d");
    const notJson = await expectError(
      await post(user, uploadForm({ cutout: astronautCutout(), pose: "{people" })),
      400,
      "invalid_pose",
    );
    expect(notJson).toMatch(/^pose: not JSON/);
    const nobody = await expectError(
      await post(
        user,
        uploadForm({
          cutout: astronautCutout(),
          pose: JSON.stringify({ people: [], canvas_width: 512, canvas_height: 512 }),
        }),
      ),
      400,
      "invalid_pose",
    );
    expect(nobody).toContain("no person");
    expect((await env.IMAGES.list({ prefix: `avatars/${uid}/` })).objects).toEqual([]);
  });

  it("a pose without a cut-out is refused (the rig needs the person's mask)", async () => {
    const user = await signUp();
    const message = await expectError(
      await post(user, uploadForm({ pose: openPoseDoc(astronautBody()) })),
      422,
      "rig_cutout_missing",
    );
    expect(message).toContain("cutout");
  });
});

describe("PUT and GET /api/v1/avatars/:id/rig", () => {
  it("sets the rig from the pose and the avatar's own cut-out, then replaces it", async () => {
    const user = await signUp();
    const avatar = await created(await post(user, uploadForm({ cutout: astronautCutout() })));
    expect(avatar.rig).toBe("missing");
    await expectError(await user.fetch(`/api/v1/avatars/${avatar.id}/rig`), 404, "rig_missing");
    await expectError(await user.fetch(`/api/v1/avatars/${avatar.id}/rig/image`), 404, "rig_missing");

    const res = await putRig(user, avatar.id, openPoseDoc(astronautBody()));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: avatar.id, rig: "ready" });
    expect((await rigOf(user, avatar.id)).parsed.people[0]!.body[BODY.rightElbow]).toMatchObject({ x: 45, y: 440 });

    const moved = astronautBody();
    moved[BODY.rightElbow] = { x: 70, y: 420, c: 1 };
    expect((await putRig(user, avatar.id, openPoseDoc(moved), astronautCutout())).status).toBe(200);
    expect((await rigOf(user, avatar.id)).parsed.people[0]!.body[BODY.rightElbow]).toMatchObject({ x: 70, y: 420 });
    const fetched = (await (await user.fetch(`/api/v1/avatars/${avatar.id}`)).json()) as AvatarBody;
    expect(fetched.rig).toBe("ready");
  });

  it("an avatar without a cut-out needs one sent with the pose", async () => {
    const user = await signUp();
    const avatar = await created(await post(user, uploadForm({})));
    await expectError(await putRig(user, avatar.id, openPoseDoc(astronautBody())), 422, "rig_cutout_missing");
    expect((await putRig(user, avatar.id, openPoseDoc(astronautBody()), astronautCutout())).status).toBe(200);
  });

  it("another user's avatar is a 404 on every rig route, and its rig is untouched", async () => {
    const owner = await signUp();
    const other = await signUp();
    const avatar = await created(
      await post(owner, uploadForm({ cutout: astronautCutout(), pose: openPoseDoc(astronautBody()) })),
    );
    const moved = shifted(astronautBody(), (p) => ({ x: p.x + 10, y: p.y }));
    await expectError(await putRig(other, avatar.id, openPoseDoc(moved), astronautCutout()), 404, "not_found");
    await expectError(await other.fetch(`/api/v1/avatars/${avatar.id}/rig`), 404, "not_found");
    // Ownership before the body: an empty form for another user's avatar is a 404 too, not a 400.
    await expectError(
      await other.fetch(`/api/v1/avatars/${avatar.id}/rig`, { method: "PUT", body: new FormData() }),
      404,
      "not_found",
    );
    await expectError(await other.fetch(`/api/v1/avatars/${avatar.id}/rig/image`), 404, "not_found");
    expect((await rigOf(owner, avatar.id)).parsed.people[0]!.body[BODY.neck]).toMatchObject({ x: 215, y: 295 });
  });

  describe("a rig the engine cannot use is a 422 with its code, and nothing is stored", () => {
    const transparent = () => withAlpha(astronautPng(), () => 0);
    const opaque = () => withAlpha(astronautPng(), () => 255);
    const torsoOnlyFace = astronautBody().map((p, i) =>
      [BODY.nose, BODY.rightEye, BODY.leftEye].includes(i) ? p : null,
    );
    // The whole skeleton squeezed into the flag's corner, where the cut-out is transparent.
    const inTheCorner = shifted(astronautBody(), (p) => ({ x: 10 + p.x * 0.2, y: 10 + p.y * 0.25 }));
    // A skeleton 30 px across, on a cut-out that kept only a 40 px square of the suit around it.
    const tiny = shifted(astronautBody(), (p) => ({ x: 200 + (p.x - 215) * 0.08, y: 360 + (p.y - 295) * 0.08 }));
    const speck = () =>
      withAlpha(astronautPng(), (x, y) => (Math.abs(x - 200) < 20 && Math.abs(y - 360) < 20 ? 255 : 0));
    const cases: [string, Slot[], (() => Uint8Array) | undefined][] = [
      ["rig_torso_missing", torsoOnlyFace, undefined],
      ["rig_mask_empty", astronautBody(), transparent],
      ["rig_mask_full", astronautBody(), opaque],
      ["rig_mask_pose_apart", inTheCorner, undefined],
      ["rig_too_small", tiny, speck],
    ];
    for (const [code, body, cutout] of cases) {
      it(code, async () => {
        const user = await signUp();
        const uid = await uidOf(user);
        const avatar = await created(await post(user, uploadForm({ cutout: astronautCutout() })));
        await expectError(await putRig(user, avatar.id, openPoseDoc(body), cutout?.()), 422, code);
        await expectError(await user.fetch(`/api/v1/avatars/${avatar.id}/rig`), 404, "rig_missing");
        expect(await env.IMAGES.head(`avatars/${uid}/${avatar.id}/rig.png`)).toBeNull();
        // The same at upload: refused whole, no avatar made.
        await expectError(
          await post(user, uploadForm({ cutout: cutout?.() ?? astronautCutout(), pose: openPoseDoc(body) })),
          422,
          code,
        );
        expect((await env.IMAGES.list({ prefix: `avatars/${uid}/` })).objects).toHaveLength(3);
      });
    }
  });

  it("an oversized cut-out is refused before it is decoded: 413 by bytes, 422 by its header's size", async () => {
    const user = await signUp();
    const avatar = await created(await post(user, uploadForm({})));
    const huge = new Uint8Array(11 * 1024 * 1024);
    huge.set(pngClaiming(512, 512));
    expect((await putRig(user, avatar.id, openPoseDoc(astronautBody()), huge)).status).toBe(413);
    // A header claiming 3000×2000 with a tiny body: decoding it would fail as corrupt, so the
    // size error proves the header was read first.
    await expectError(
      await putRig(user, avatar.id, openPoseDoc(astronautBody()), pngClaiming(3000, 2000)),
      422,
      "image_too_large",
    );
    await expectError(await user.fetch(`/api/v1/avatars/${avatar.id}/rig`), 404, "rig_missing");
  });

  it("deleting the avatar deletes its rig object", async () => {
    const user = await signUp();
    const uid = await uidOf(user);
    const avatar = await created(
      await post(user, uploadForm({ cutout: astronautCutout(), pose: openPoseDoc(astronautBody()) })),
    );
    const key = `avatars/${uid}/${avatar.id}/rig.png`;
    expect(await env.IMAGES.head(key)).not.toBeNull();
    expect((await user.fetch(`/api/v1/avatars/${avatar.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await env.IMAGES.head(key)).toBeNull();
    expect((await env.IMAGES.list({ prefix: `avatars/${uid}/` })).objects).toEqual([]);
  });
});
