// Results in the shops' aspect ratios: ?aspect=&fit= on one pose's image and on the ZIP. The
// stored images are replaced by pictures with a red "person" in a known place, so what the
// output kept can be counted.
import { env } from "cloudflare:workers";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { EXPORT_ASPECTS, aspectParts } from "../shared/export/marketplace-frame";
import { readOpenPose } from "../shared/pose/openpose-json";
import { letterboxPose } from "../shared/pose/transform";
import type { Rgba } from "../shared/raster/rgba";
import { decodeRgba, encodeJpeg, encodePng } from "../worker/images/rgba";
import { startGeneration, uploadAvatar, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

const POSE = "builtin-hand-on-hip";
const [W, H] = [512, 768];
/** The person: a red block low and to the left, 120×420 (taller than a 1:1 crop's half). */
const BOX = { left: 40, top: 300, right: 160, bottom: 720 };

function picture(opaque: boolean): { image: Rgba; alpha: Rgba } {
  const image: Rgba = { width: W, height: H, data: new Uint8Array(W * H * 4) };
  const alpha: Rgba = { width: W, height: H, data: new Uint8Array(W * H * 4) };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const inside = x >= BOX.left && x < BOX.right && y >= BOX.top && y < BOX.bottom;
      const wall = 230 - Math.round(y / 8);
      image.data.set(inside ? [210, 20, 20, 255] : [wall, wall, wall, opaque ? 255 : 0], (y * W + x) * 4);
      alpha.data.set(inside ? [210, 20, 20, 255] : [0, 0, 0, 0], (y * W + x) * 4);
    }
  return { image, alpha };
}

const red = (img: Rgba) => {
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const [r, g, b, a] = img.data.subarray(i * 4, i * 4 + 4);
    if (r! > 150 && g! < 90 && b! < 90 && a! > 128) n++;
  }
  return n;
};
const AREA = (BOX.right - BOX.left) * (BOX.bottom - BOX.top);

async function generated() {
  const user = await signUp();
  const avatar = await uploadAvatar(user, { name: "Siti Hijab", gender: "female", ageRange: "25-34" });
  const started = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: [POSE] });
  const done = await waitForFinal(user, started.id);
  expect(done.status).toBe("completed");
  return { user, id: started.id, base: `/api/v1/generations/${started.id}` };
}

async function withPerson(id: string) {
  const { image, alpha } = picture(true);
  await env.IMAGES.put(`generations/${id}/${POSE}/base.jpg`, encodeJpeg(image));
  await env.IMAGES.put(`generations/${id}/${POSE}/instant.png`, encodePng(alpha));
}

describe("marketplace sizes", () => {
  it("each ratio, both fits: exact sizes, the person kept whole, named with the ratio", async () => {
    const { user, id, base } = await generated();
    await withPerson(id);
    const expected: Record<string, [string, string]> = {
      "1:1": ["768x768", "512x512"],
      "3:4": ["576x768", "510x680"],
      "4:5": ["616x770", "512x640"],
      "9:16": ["513x912", "432x768"],
    };
    for (const aspect of EXPORT_ASPECTS) {
      for (const [i, fit] of (["pad", "crop"] as const).entries()) {
        const res = await user.fetch(`${base}/poses/${POSE}/image?aspect=${aspect}&fit=${fit}&download=1`);
        expect(res.status, `${aspect} ${fit}`).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/jpeg");
        expect(res.headers.get("content-disposition")).toBe(
          `attachment; filename="siti-hijab-hand-on-hip-${aspect.replace(":", "x")}.jpg"`,
        );
        const out = decodeRgba(new Uint8Array(await res.arrayBuffer()));
        expect(`${out.width}x${out.height}`, `${aspect} ${fit}`).toBe(expected[aspect]![i]);
        const [rw, rh] = aspectParts(aspect);
        expect(out.width * rh).toBe(out.height * rw);
        // JPEG blurs the block's edge a little: the person is all there (and nothing red was added).
        expect(red(out) / AREA, `${aspect} ${fit}`).toBeGreaterThan(0.97);
        expect(red(out) / AREA, `${aspect} ${fit}`).toBeLessThan(1.03);
      }
    }
  });

  it("a crop without a stored person keeps the skeleton's head; a cut-out pads with transparency as PNG", async () => {
    const { user, id, base } = await generated();
    // No instant.png: the person is where the template's skeleton is. The picture encodes its rows.
    const rows: Rgba = { width: W, height: H, data: new Uint8Array(W * H * 4) };
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) rows.data.set([Math.floor(y / 3), 128, 128, 255], (y * W + x) * 4);
    await env.IMAGES.put(`generations/${id}/${POSE}/base.jpg`, encodeJpeg(rows));
    const res = await user.fetch(`${base}/poses/${POSE}/image?aspect=1:1&fit=crop`);
    const out = decodeRgba(new Uint8Array(await res.arrayBuffer()));
    expect([out.width, out.height]).toEqual([512, 512]);
    const topRow = out.data[(2 * 512 + 256) * 4]! * 3;
    const template = (await (await user.fetch(`/api/v1/templates/${POSE}`)).json()) as { keypoints: unknown };
    const nose = letterboxPose(readOpenPose(template.keypoints).pose, W, H).people[0]!.body[0]!;
    expect(topRow).toBeLessThan(nose.y - 30);
    expect(topRow + 512).toBeGreaterThan(nose.y + 200);

    // A removed background: the result is a PNG, its alpha the person.
    const { image } = picture(false);
    const key = `generations/${id}/${POSE}/final.png`;
    await env.IMAGES.put(key, encodePng(image));
    await env.DB.prepare("update generated_poses set output_key = ? where generation_id = ?").bind(key, id).run();
    const png = await user.fetch(`${base}/poses/${POSE}/image?aspect=1:1&download=1`);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toContain("-1x1.png");
    const cut = decodeRgba(new Uint8Array(await png.arrayBuffer()));
    expect([cut.width, cut.height]).toEqual([768, 768]);
    expect(cut.data[3]).toBe(0);
    expect(red(cut)).toBe(AREA);
  });

  it("the ZIP in one ratio: every entry framed and named with it", async () => {
    const { user, id, base } = await generated();
    await withPerson(id);
    const res = await user.fetch(`${base}/download.zip?aspect=4:5&fit=crop`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("-4x5.zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["siti-hijab-hand-on-hip-4x5.jpg"]);
    const out = decodeRgba(files["siti-hijab-hand-on-hip-4x5.jpg"]!);
    expect([out.width, out.height]).toEqual([512, 640]);
    expect(red(out) / AREA).toBeGreaterThan(0.97);
    // Without a ratio: the originals, as before.
    const plain = unzipSync(new Uint8Array(await (await user.fetch(`${base}/download.zip`)).arrayBuffer()));
    expect(Object.keys(plain)).toEqual(["siti-hijab-hand-on-hip.jpg"]);
  });

  it("bad values are a 400 that names them; another user's generation is a 404", async () => {
    const { user, base } = await generated();
    for (const [query, says] of [
      ["aspect=2:1", "aspect must be one of 1:1, 3:4, 4:5, 9:16"],
      ["aspect=1:1&fit=stretch", "fit must be pad or crop"],
    ]) {
      for (const path of [`${base}/poses/${POSE}/image?${query}`, `${base}/download.zip?${query}`]) {
        const res = await user.fetch(path);
        expect(res.status, path).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("invalid_request");
        expect(body.error.message).toContain(says);
      }
    }
    const other = await signUp();
    for (const path of [
      `${base}/poses/${POSE}/image?aspect=1:1&fit=crop&download=1`,
      `${base}/download.zip?aspect=9:16`,
    ]) {
      const res = await other.fetch(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});
