// The library's card previews: the shaded mannequin drawn by the instant engine into each pose,
// transparent around the figure, kept in R2 under the renderer's name.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { decodeRgba } from "../worker/images/rgba";
import { PREVIEW_RENDERER } from "../worker/templates/pose-preview";
import { call } from "./helpers/users";

async function preview(id: string) {
  const res = await call(`/api/v1/templates/${id}/preview.png`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  return decodeRgba(new Uint8Array(await res.arrayBuffer()));
}

/** The opaque pixels (alpha ≥ 128) as a 0/1 array. */
const figureOf = (rgba: { data: Uint8Array | Uint8ClampedArray }) =>
  Uint8Array.from({ length: rgba.data.length / 4 }, (_, i) => (rgba.data[i * 4 + 3]! >= 128 ? 1 : 0));

describe("pose previews", () => {
  it("draw a shaded figure on a transparent card, different for different poses", async () => {
    await env.IMAGES.delete("templates/builtin-front-neutral/preview.png");
    await env.IMAGES.delete("templates/builtin-stretch-up/preview.png");
    const front = await preview("builtin-front-neutral");
    const stretch = await preview("builtin-stretch-up");
    expect([front.width, front.height]).toEqual([256, 384]);
    const a = figureOf(front);
    const b = figureOf(stretch);
    // Transparent around the figure (the stick figure is drawn on black): corners are clear.
    for (const i of [0, 255, 256 * 383, 256 * 384 - 1]) expect(front.data[i * 4 + 3]).toBe(0);
    const area = a.reduce((s, v) => s + v, 0);
    // A body, not lines: a stick figure covers far less of the card.
    expect(area / (256 * 384)).toBeGreaterThan(0.08);
    // Shaded: the figure's grey levels spread (lit and shadowed sides), no pure black or colour.
    const greys: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i]) greys.push(front.data[i * 4]!);
    greys.sort((x, y) => x - y);
    const spread = greys[Math.floor(greys.length * 0.95)]! - greys[Math.floor(greys.length * 0.05)]!;
    expect(spread).toBeGreaterThan(40);
    // The pose shows: arms up overlaps the standing figure's shape far from entirely.
    let both = 0;
    let either = 0;
    for (let i = 0; i < a.length; i++) {
      both += a[i]! & b[i]!;
      either += a[i]! | b[i]!;
    }
    expect(both / either).toBeLessThan(0.75);
  });

  it("keeps the preview in R2 with its renderer and redraws one an older renderer made", async () => {
    const key = "templates/builtin-wave/preview.png";
    await env.IMAGES.put(key, new Uint8Array([1, 2, 3]), { httpMetadata: { contentType: "image/png" } });
    const drawn = await preview("builtin-wave");
    expect(figureOf(drawn).some((v) => v === 1)).toBe(true);
    const kept = await env.IMAGES.get(key);
    expect(kept?.customMetadata?.renderer).toBe(PREVIEW_RENDERER);
    expect((await kept!.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
