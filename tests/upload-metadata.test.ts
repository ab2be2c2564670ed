import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fakeProvider } from "./helpers/fake-provider";
import { startGeneration, userId, waitForFinal } from "./helpers/generations";
import { astronautPng, avatarForm, jpegSize, messiJpg, withExifOrientation } from "./helpers/images";
import {
  jpegWithMetadata,
  leakedSecrets,
  pngChunkTypes,
  pngWithMetadata,
  webpChunks,
  webpWithMetadata,
} from "./helpers/metadata";
import { signUp, type TestUser } from "./helpers/users";

const cutoutPng = () => new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG);
const PRIVATE_PNG_CHUNKS = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

async function uploadAvatar(user: TestUser, form: FormData) {
  const res = await user.fetch("/api/v1/avatars", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; width: number; height: number };
}

/** The avatar's stored objects, straight from R2. */
async function storedAvatar(avatarId: string) {
  const row = (await env.DB.prepare("select image_key, cutout_key from avatars where id = ?")
    .bind(avatarId)
    .first<{ image_key: string; cutout_key: string | null }>())!;
  const read = async (key: string) => new Uint8Array(await (await env.IMAGES.get(key))!.arrayBuffer());
  return { original: await read(row.image_key), cutout: row.cutout_key ? await read(row.cutout_key) : null };
}

function decodes(bytes: Uint8Array) {
  const image = PhotonImage.new_from_byteslice(bytes);
  const size = { width: image.get_width(), height: image.get_height() };
  image.free();
  return size;
}

describe("uploads keep no private metadata", () => {
  it("a JPEG's EXIF (camera, artist, GPS), XMP, IPTC and comment are gone from the stored original and from what the provider receives", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const photo = jpegWithMetadata(messiJpg());
    expect(leakedSecrets(photo).length).toBeGreaterThan(3);
    const avatar = await uploadAvatar(user, avatarForm(photo, "private.jpg", { name: "Private" }));
    const { original } = await storedAvatar(avatar.id);
    expect(leakedSecrets(original)).toEqual([]);
    expect(jpegSize(original)).toEqual({ width: 548, height: 342 });
    expect(decodes(original)).toEqual({ width: 548, height: 342 });

    const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-front-neutral"] });
    expect(await waitForFinal(user, started.id)).toMatchObject({ status: "completed" });
    const sent = (await fakeProvider.requests(`${uid}/${started.id}/`)).filter((r) => r.avatarImage);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      expect(leakedSecrets(new Uint8Array(Buffer.from(request.avatarImage!, "base64")))).toEqual([]);
    }
  });

  it("a rotated JPEG is stored upright and without its metadata", async () => {
    const user = await signUp();
    const photo = jpegWithMetadata(withExifOrientation(messiJpg(), 6));
    const avatar = await uploadAvatar(user, avatarForm(photo, "rotated.jpg", { name: "Rotated" }));
    expect(avatar).toMatchObject({ width: 342, height: 548 });
    const { original } = await storedAvatar(avatar.id);
    expect(leakedSecrets(original)).toEqual([]);
    expect(jpegSize(original)).toEqual({ width: 342, height: 548 });
  });

  it("a PNG's text, EXIF and time chunks are gone from the avatar and its cut-out; the colour profile stays", async () => {
    const user = await signUp();
    const form = avatarForm(pngWithMetadata(astronautPng()), "private.png", { name: "Private PNG" });
    form.set("cutout", new File([pngWithMetadata(cutoutPng())], "cutout.png", { type: "image/png" }));
    const avatar = await uploadAvatar(user, form);
    const { original, cutout } = await storedAvatar(avatar.id);
    for (const png of [original, cutout!]) {
      expect(leakedSecrets(png)).toEqual([]);
      expect(pngChunkTypes(png).filter((t) => PRIVATE_PNG_CHUNKS.includes(t))).toEqual([]);
      expect(decodes(png)).toEqual({ width: 512, height: 512 });
    }
    expect(pngChunkTypes(original)).toContain("iCCP");
  });

  it("a WebP's EXIF and XMP chunks are gone, its flags and RIFF size fixed", async () => {
    const user = await signUp();
    const image = PhotonImage.new_from_byteslice(astronautPng());
    const webp = webpWithMetadata(image.get_bytes_webp(), 512, 512);
    image.free();
    expect(decodes(webp)).toEqual({ width: 512, height: 512 });
    const avatar = await uploadAvatar(user, avatarForm(webp, "private.webp", { name: "Private WebP" }));
    const { original } = await storedAvatar(avatar.id);
    expect(leakedSecrets(original)).toEqual([]);
    const chunks = webpChunks(original);
    expect(chunks.types).not.toContain("EXIF");
    expect(chunks.types).not.toContain("XMP ");
    expect(chunks.sizeMatches).toBe(true);
    expect((chunks.vp8xFlags ?? 0) & 0x0c).toBe(0);
    expect(decodes(original)).toEqual({ width: 512, height: 512 });
  });

  it("a background picture is stored without its metadata", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const form = new FormData();
    form.set("file", new File([jpegWithMetadata(messiJpg())], "bg.jpg", { type: "image/jpeg" }));
    const res = await user.fetch("/api/v1/backgrounds", { method: "POST", body: form });
    expect(res.status).toBe(201);
    const listed = await env.IMAGES.list({ prefix: `backgrounds/${uid}/` });
    expect(listed.objects).toHaveLength(1);
    const stored = new Uint8Array(await (await env.IMAGES.get(listed.objects[0]!.key))!.arrayBuffer());
    expect(leakedSecrets(stored)).toEqual([]);
    expect(decodes(stored)).toEqual({ width: 548, height: 342 });
  });
});
