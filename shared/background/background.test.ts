import { PhotonImage } from "@cf-wasm/photon";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Rgba } from "../raster/rgba";
import { BODY } from "../pose/model";
import { BUILT_IN_TEMPLATES } from "../templates/built-in";
import { buildFigure } from "../templates/figure";
import { SCENES, colourBackdrop, sceneBackdrop } from "./backdrops";
import { labStats } from "./colour";
import { compositeSubject, cutOut } from "./composite-subject";
import { alphaMask, bodyRegionMask, fitCutout, refineMask } from "./person-mask";

const decode = (bytes: ArrayBuffer): Rgba => {
  const image = PhotonImage.new_from_byteslice(new Uint8Array(bytes));
  const out = { width: image.get_width(), height: image.get_height(), data: image.get_raw_pixels() };
  image.free();
  return out;
};
const astronaut = () => decode(env.FIXTURE_ASTRONAUT_PNG);
const cutoutMask = () => alphaMask(decode(env.FIXTURE_ASTRONAUT_CUTOUT_PNG));

/** Distance in px from each pixel to the nearest pixel of the other side of a 0.5 threshold. */
function boundaryDistance(mask: { width: number; height: number; data: Uint8Array }, x: number, y: number, r = 3) {
  const inside = mask.data[y * mask.width + x]! >= 128;
  let best = Infinity;
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      const [u, v] = [x + dx, y + dy];
      if (u < 0 || v < 0 || u >= mask.width || v >= mask.height) continue;
      if (mask.data[v * mask.width + u]! >= 128 !== inside) best = Math.min(best, Math.hypot(dx, dy));
    }
  return best;
}

describe("person mask and compositing on real images", () => {
  it("refining the browser's cut-out of astronaut.png keeps its boundary within 2 px (holes filled inside)", () => {
    const original = cutoutMask();
    const refined = refineMask(original, null);
    let changed = 0;
    for (let y = 0; y < original.height; y++)
      for (let x = 0; x < original.width; x++) {
        const i = y * original.width + x;
        const [a, b] = [original.data[i]! >= 128, refined.data[i]! >= 128];
        if (a === b) continue;
        changed++;
        // A flip is either on the boundary (feathering) or a hole inside the person being filled.
        const nearEdge = boundaryDistance(original, x, y) <= 2;
        expect(nearEdge || (!a && b), `(${x}, ${y})`).toBe(true);
      }
    expect(changed).toBeLessThan(original.width * original.height * 0.02);
  });

  it("composites the person over a scene: person pixels kept, backdrop elsewhere, colours moved toward the scene", () => {
    const photo = astronaut();
    const mask = refineMask(cutoutMask(), null);
    const scene = sceneBackdrop(photo.width, photo.height, "cafe");
    const plain = compositeSubject(photo, mask, scene, { colourMatch: 0 });
    const matched = compositeSubject(photo, mask, scene, { colourMatch: 0.5 });
    // Far inside the person the photo is unchanged; far outside it is the backdrop.
    for (let i = 0; i < mask.data.length; i += 97) {
      const x = i % mask.width;
      const y = (i / mask.width) | 0;
      // Fully opaque or fully clear, away from the edge (the cut-out has soft hair inside too).
      if (boundaryDistance(mask, x, y) <= 2 || (mask.data[i] !== 0 && mask.data[i] !== 255)) continue;
      const src = mask.data[i] === 255 ? photo : scene;
      for (let c = 0; c < 3; c++)
        expect(Math.abs(plain.data[i * 4 + c]! - src.data[i * 4 + c]!)).toBeLessThanOrEqual(1);
    }
    const person = (i: number) => mask.data[i]! / 255;
    const [before, after, target] = [
      labStats(plain.data, person),
      labStats(matched.data, person),
      labStats(scene.data, () => 1),
    ];
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(after.mean[c]! - target.mean[c]!), `Lab channel ${c}`).toBeLessThan(
        Math.abs(before.mean[c]! - target.mean[c]!),
      );
    }
  });

  it("puts the contact shadow under the ankles", () => {
    const pose = buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768);
    const subject = colourBackdrop(512, 768, "#808080");
    const mask = bodyRegionMask(pose);
    const backdrop = colourBackdrop(512, 768, "#e0e0e0");
    const out = compositeSubject(subject, { ...mask, data: new Uint8Array(mask.data.length) }, backdrop, {
      pose,
      colourMatch: 0,
    });
    const [r, l] = [pose.people[0]!.body[BODY.rightAnkle]!, pose.people[0]!.body[BODY.leftAnkle]!];
    const under = { x: Math.round((r.x + l.x) / 2), y: Math.round(Math.max(r.y, l.y) + 15) };
    const lum = (x: number, y: number) => out.data[(y * 512 + x) * 4]!;
    expect(lum(under.x, under.y)).toBeLessThan(224 * 0.75);
    expect(lum(20, under.y)).toBe(224);
    expect(lum(under.x, 200)).toBe(224);
  });

  it("fits the avatar's cut-out onto a pose inside the skeleton's outline; the body region alone works too", () => {
    const pose = buildFigure(BUILT_IN_TEMPLATES[0]!.figure, 512, 768);
    const fitted = fitCutout(cutoutMask(), pose);
    const outline = bodyRegionMask(pose, 1.5);
    let inside = 0;
    for (let i = 0; i < fitted.data.length; i++) {
      expect(fitted.data[i]!).toBeLessThanOrEqual(outline.data[i]!);
      if (fitted.data[i]! >= 128) inside++;
    }
    expect(inside).toBeGreaterThan(5000);
    const neck = pose.people[0]!.body[BODY.neck]!;
    expect(bodyRegionMask(pose).data[Math.round(neck.y) * 512 + Math.round(neck.x)]).toBe(255);
  });

  it("draws every scene and a transparent cut-out", () => {
    for (const scene of SCENES) {
      const img = sceneBackdrop(64, 96, scene);
      expect(img.data[3]).toBe(255);
    }
    const cut = cutOut(astronaut(), cutoutMask());
    expect(cut.data[3]).toBe(0);
  });
});
