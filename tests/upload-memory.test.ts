import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { describe, expect, it } from "vitest";
import { avatarForm, messiJpg, pngClaiming } from "./helpers/images";
import { signUp } from "./helpers/users";

type ErrorBody = { error: { code: string; message: string } };

/** The messi photo scaled to width×height, as a JPEG that decodes. */
function photo(width: number, height: number): Uint8Array {
  const source = PhotonImage.new_from_byteslice(messiJpg());
  const scaled = resize(source, width, height, SamplingFilter.Triangle);
  source.free();
  const jpeg = scaled.get_bytes_jpeg(85);
  scaled.free();
  return jpeg;
}

describe("uploads are small enough to decode within a Worker's memory", () => {
  // At 4096² decoding took 150–290 MB (npm run bench); 2048 a side keeps every path under 96 MB.
  for (const [what, path] of [
    ["avatars", "/api/v1/avatars"],
    ["background pictures", "/api/v1/backgrounds"],
  ] as const) {
    it(`${what}: over 2048 px a side is refused from the header with a message that says to resize`, async () => {
      const user = await signUp();
      const res = await user.fetch(path, {
        method: "POST",
        body: avatarForm(pngClaiming(3000, 2000), "big.png", { name: "Big" }),
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("image_too_large");
      expect(body.error.message).toContain("2048");
      expect(body.error.message).toMatch(/resize/i);
    });
  }

  it("a photo of exactly 2048 px on its long side is accepted", async () => {
    const user = await signUp();
    const res = await user.fetch("/api/v1/avatars", {
      method: "POST",
      body: avatarForm(photo(2048, 1280), "max.jpg", { name: "Max" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ width: 2048, height: 1280 });
  });
});
