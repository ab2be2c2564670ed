import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  astronautPng,
  avatarForm,
  jpegSize,
  messiJpg,
  messiJpgStored,
  pngClaiming,
  withExifOrientation,
} from "./helpers/images";
import { call, signUp, type TestUser } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string } };
type AvatarBody = {
  id: string;
  name: string;
  width: number;
  height: number;
  contentType: string;
  thumbnailUrl: string;
  baseImageUrl: string;
  gender: string | null;
};

const upload = (user: TestUser, form: FormData) => user.fetch("/api/v1/avatars", { method: "POST", body: form });

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as ErrorBody;
  expect(body.error.message.length).toBeGreaterThan(5);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

async function r2Count(userId: string) {
  const listed = await env.IMAGES.list({ prefix: `avatars/${userId}/` });
  return listed.objects.length;
}

async function userIdOf(user: TestUser) {
  return ((await (await user.fetch("/api/v1/account/me")).json()) as { id: string }).id;
}

describe("avatar upload", () => {
  it("stores a real JPEG with its 256 px thumbnail", async () => {
    const user = await signUp();
    const res = await upload(
      user,
      avatarForm(messiJpg(), "messi.jpg", { name: "Messi", gender: "male", ageRange: "35-44" }),
    );
    expect(res.status).toBe(201);
    const avatar = (await res.json()) as AvatarBody;
    expect(avatar).toMatchObject({ name: "Messi", width: 548, height: 342, contentType: "image/jpeg", gender: "male" });

    const original = await user.fetch(avatar.baseImageUrl);
    expect(original.status).toBe(200);
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(messiJpgStored());

    const thumb = await user.fetch(avatar.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    expect(jpegSize(new Uint8Array(await thumb.arrayBuffer()))).toEqual({ width: 256, height: 160 });
  });

  it("stores a real PNG with its thumbnail", async () => {
    const user = await signUp();
    const res = await upload(user, avatarForm(astronautPng(), "astronaut.png", { name: "Astronaut" }));
    expect(res.status).toBe(201);
    const avatar = (await res.json()) as AvatarBody;
    expect(avatar).toMatchObject({ width: 512, height: 512, contentType: "image/png" });
    const thumb = await user.fetch(avatar.thumbnailUrl);
    expect(jpegSize(new Uint8Array(await thumb.arrayBuffer()))).toEqual({ width: 256, height: 256 });
  });

  it("accepts WebP", async () => {
    const user = await signUp();
    const image = PhotonImage.new_from_byteslice(astronautPng());
    const webp = image.get_bytes_webp();
    image.free();
    const res = await upload(user, avatarForm(webp, "a.webp", { name: "WebP" }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as AvatarBody).contentType).toBe("image/webp");
  });

  it("honours EXIF orientation: a 90° rotated photo is stored upright", async () => {
    const user = await signUp();
    const res = await upload(user, avatarForm(withExifOrientation(messiJpg(), 6), "rotated.jpg", { name: "Rotated" }));
    expect(res.status).toBe(201);
    const avatar = (await res.json()) as AvatarBody;
    expect(avatar).toMatchObject({ width: 342, height: 548 });
    const original = new Uint8Array(await (await user.fetch(avatar.baseImageUrl)).arrayBuffer());
    expect(jpegSize(original)).toEqual({ width: 342, height: 548 });
    const thumb = new Uint8Array(await (await user.fetch(avatar.thumbnailUrl)).arrayBuffer());
    expect(jpegSize(thumb)).toEqual({ width: 160, height: 256 });
  });

  it("serves images with an ETag and answers If-None-Match with 304", async () => {
    const user = await signUp();
    const avatar = (await (await upload(user, avatarForm(messiJpg(), "m.jpg", { name: "E" }))).json()) as AvatarBody;
    const first = await user.fetch(avatar.thumbnailUrl);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toContain("private");
    const again = await user.fetch(avatar.thumbnailUrl, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
  });

  describe("refuses bad input with a clear 4xx and stores nothing", () => {
    const cases: [string, () => FormData, number, string][] = [
      [
        "a text file named .jpg",
        () => avatarForm("hello, this is not an image at all", "photo.jpg", { name: "x" }),
        415,
        "unsupported_image_type",
      ],
      [
        "a truncated JPEG",
        () => avatarForm(messiJpg().subarray(0, 9000), "cut.jpg", { name: "x" }),
        422,
        "corrupt_image",
      ],
      [
        "an 11 MB file",
        () => avatarForm(new Uint8Array(11 * 1024 * 1024).fill(0xff), "big.jpg", { name: "x" }),
        413,
        "file_too_large",
      ],
      [
        "a PNG claiming 30000×30000",
        () => avatarForm(pngClaiming(30000, 30000), "bomb.png", { name: "x" }),
        422,
        "image_too_large",
      ],
      ["a PNG of 100×100", () => avatarForm(pngClaiming(100, 100), "tiny.png", { name: "x" }), 422, "image_too_small"],
      [
        "an SVG",
        () =>
          avatarForm(
            '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><script>alert(1)</script></svg>',
            "a.svg",
            { name: "x" },
          ),
        415,
        "unsupported_image_type",
      ],
      ["an empty file", () => avatarForm(new Uint8Array(0), "empty.jpg", { name: "x" }), 400, "empty_file"],
      ["a missing file", () => avatarForm(null, "", { name: "x" }), 400, "invalid_request"],
      ["a missing name", () => avatarForm(messiJpg(), "m.jpg"), 400, "invalid_request"],
      ["an over-long name", () => avatarForm(messiJpg(), "m.jpg", { name: "n".repeat(81) }), 400, "invalid_request"],
      [
        "an unknown gender",
        () => avatarForm(messiJpg(), "m.jpg", { name: "x", gender: "robot" }),
        400,
        "invalid_request",
      ],
    ];
    for (const [what, form, status, code] of cases) {
      it(what, async () => {
        const user = await signUp();
        await expectError(await upload(user, form()), status, code);
        expect(await r2Count(await userIdOf(user))).toBe(0);
        const list = (await (await user.fetch("/api/v1/avatars")).json()) as { items: unknown[] };
        expect(list.items).toHaveLength(0);
      });
    }

    it("an empty body", async () => {
      const user = await signUp();
      await expectError(await user.fetch("/api/v1/avatars", { method: "POST" }), 400);
    });

    it("a JSON body instead of multipart", async () => {
      const user = await signUp();
      const res = await user.fetch("/api/v1/avatars", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "x" }),
      });
      await expectError(res, 415, "unsupported_media_type");
    });

    it("a declared Content-Length over the limit, before reading the body", async () => {
      const user = await signUp();
      const res = await user.fetch("/api/v1/avatars", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
        body: "--x--",
      });
      await expectError(res, 413, "file_too_large");
    });
  });
});

describe("avatar library", () => {
  it("lists newest first with cursor pagination", async () => {
    const user = await signUp();
    for (const name of ["one", "two", "three"]) {
      expect((await upload(user, avatarForm(messiJpg(), "m.jpg", { name }))).status).toBe(201);
    }
    const first = (await (await user.fetch("/api/v1/avatars?limit=2")).json()) as {
      items: AvatarBody[];
      nextCursor: string;
    };
    expect(first.items.map((a) => a.name)).toEqual(["three", "two"]);
    expect(first.nextCursor).toBeTruthy();
    const second = (await (await user.fetch(`/api/v1/avatars?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: AvatarBody[];
      nextCursor: string | null;
    };
    expect(second.items.map((a) => a.name)).toEqual(["one"]);
    expect(second.nextCursor).toBeNull();
    await expectError(await user.fetch("/api/v1/avatars?cursor=garbage"), 400, "invalid_cursor");
    await expectError(await user.fetch("/api/v1/avatars?limit=1000"), 400, "invalid_request");
  });

  it("renames and changes metadata with PATCH, validating the fields", async () => {
    const user = await signUp();
    const avatar = (await (await upload(user, avatarForm(messiJpg(), "m.jpg", { name: "Old" }))).json()) as AvatarBody;
    const patch = (body: unknown) =>
      user.fetch(`/api/v1/avatars/${avatar.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const res = await patch({ name: "  New name  ", style: "hijab modern" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "New name", style: "hijab modern" });
    await expectError(await patch({}), 400, "invalid_request");
    await expectError(await patch({ name: "" }), 400, "invalid_request");
    await expectError(await patch({ userId: "someone-else" }), 400, "invalid_request");
    await expectError(await patch({ ageRange: "7-9" }), 400, "invalid_request");
  });

  it("deletes the avatar and its R2 objects", async () => {
    const user = await signUp();
    const avatar = (await (await upload(user, avatarForm(messiJpg(), "m.jpg", { name: "Gone" }))).json()) as AvatarBody;
    const userId = await userIdOf(user);
    expect(await r2Count(userId)).toBe(2);
    const deleted = await user.fetch(`/api/v1/avatars/${avatar.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true, generationsKept: 0 });
    expect(await r2Count(userId)).toBe(0);
    await expectError(await user.fetch(`/api/v1/avatars/${avatar.id}`), 404, "not_found");
    await expectError(await user.fetch(avatar.thumbnailUrl), 404, "not_found");
  });
});

describe("avatar ownership", () => {
  it("gives another user 404 for someone's avatar, image, thumbnail, edit and delete", async () => {
    const owner = await signUp();
    const other = await signUp();
    const avatar = (await (
      await upload(owner, avatarForm(messiJpg(), "m.jpg", { name: "Mine" }))
    ).json()) as AvatarBody;
    for (const path of [`/api/v1/avatars/${avatar.id}`, avatar.baseImageUrl, avatar.thumbnailUrl]) {
      await expectError(await other.fetch(path), 404, "not_found");
    }
    await expectError(
      await other.fetch(`/api/v1/avatars/${avatar.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "stolen" }),
      }),
      404,
    );
    await expectError(await other.fetch(`/api/v1/avatars/${avatar.id}`, { method: "DELETE" }), 404);
    const list = (await (await other.fetch("/api/v1/avatars")).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
    // The owner still has it, untouched.
    expect(await (await owner.fetch(`/api/v1/avatars/${avatar.id}`)).json()).toMatchObject({ name: "Mine" });
  });

  it("answers anonymous callers with 401 on every avatar route", async () => {
    const owner = await signUp();
    const avatar = (await (
      await upload(owner, avatarForm(messiJpg(), "m.jpg", { name: "Mine" }))
    ).json()) as AvatarBody;
    const routes: [string, string][] = [
      ["GET", "/api/v1/avatars"],
      ["POST", "/api/v1/avatars"],
      ["GET", `/api/v1/avatars/${avatar.id}`],
      ["PATCH", `/api/v1/avatars/${avatar.id}`],
      ["DELETE", `/api/v1/avatars/${avatar.id}`],
      ["GET", avatar.baseImageUrl],
      ["GET", avatar.thumbnailUrl],
    ];
    for (const [method, path] of routes) {
      await expectError(await call(path, { method }), 401, "unauthenticated");
    }
  });
});
