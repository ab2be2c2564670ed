// Shaded solids painted per pixel: tapered capsules and ellipsoids seen from the front, each pixel
// taking the nearest surface (a small depth buffer), lit from the upper left with a dark rim, so
// overlapping parts read as separate pieces even at thumbnail size. Pure pixels, no assets.
import type { Rgba } from "../raster/rgba";

type Vec = { x: number; y: number };

/** A solid: where it covers pixel (x, y), its surface height toward the viewer and its normal. */
export interface Solid {
  /** Bounding box in pixels (inclusive). */
  box: [number, number, number, number];
  /** Height above the picture plane at (x, y) and the unit normal there, or null outside. */
  surface(x: number, y: number): { z: number; nx: number; ny: number; nz: number } | null;
}

/** A cone from a (radius ra) to b (radius rb) with round ends: limbs, neck, waist. */
export function capsule(a: Vec, b: Vec, ra: number, rb: number, lift = 0): Solid {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = Math.max(1e-9, dx * dx + dy * dy);
  const r = Math.max(ra, rb);
  return {
    box: [Math.min(a.x, b.x) - r, Math.min(a.y, b.y) - r, Math.max(a.x, b.x) + r, Math.max(a.y, b.y) + r],
    surface(x, y) {
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      const px = x - (a.x + t * dx);
      const py = y - (a.y + t * dy);
      const rad = ra + (rb - ra) * t;
      const d2 = px * px + py * py;
      if (d2 >= rad * rad) return null;
      const h = Math.sqrt(rad * rad - d2);
      return { z: lift + h, nx: px / rad, ny: py / rad, nz: h / rad };
    },
  };
}

/** An ellipsoid with radii rx, ry (depth min(rx, ry)), turned by `angle` radians: head, chest, hips. */
export function ellipsoid(c: Vec, rx: number, ry: number, angle = 0, lift = 0): Solid {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const r = Math.max(rx, ry);
  const depth = Math.min(rx, ry);
  return {
    box: [c.x - r, c.y - r, c.x + r, c.y + r],
    surface(x, y) {
      const u = ((x - c.x) * cos + (y - c.y) * sin) / rx;
      const v = (-(x - c.x) * sin + (y - c.y) * cos) / ry;
      const q = u * u + v * v;
      if (q >= 1) return null;
      const w = Math.sqrt(1 - q);
      // The normal of the ellipsoid, back in picture axes.
      const lx = u / rx;
      const ly = v / ry;
      const lz = w / depth;
      const n = Math.hypot(lx, ly, lz);
      return { z: lift + depth * w, nx: (lx * cos - ly * sin) / n, ny: (lx * sin + ly * cos) / n, nz: lz / n };
    },
  };
}

/** The material: base colour, how dark the shadowed side and the rim get. */
export interface Material {
  base: [number, number, number];
  /** Share of the base colour left where no light falls. */
  ambient: number;
  /** Rim: the outer share of a solid's radius (by its normal's tilt) darkened into an outline. */
  rim: number;
}

// Light from the upper left and in front, as a studio key light.
const LIGHT = (() => {
  const l = { x: -0.45, y: -0.6, z: 0.66 };
  const n = Math.hypot(l.x, l.y, l.z);
  return { x: l.x / n, y: l.y / n, z: l.z / n };
})();

/** Paints `solids` into a transparent width × height RGBA: the nearest surface per pixel, shaded. */
export function paintSolids(width: number, height: number, solids: Solid[], material: Material): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  const depth = new Float32Array(width * height).fill(-Infinity);
  const normals = new Float32Array(width * height * 3);
  for (const solid of solids) {
    const [x0, y0, x1, y1] = solid.box;
    for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(height - 1, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(width - 1, Math.ceil(x1)); x++) {
        const s = solid.surface(x + 0.5, y + 0.5);
        const i = y * width + x;
        if (!s || s.z <= depth[i]!) continue;
        depth[i] = s.z;
        normals.set([s.nx, s.ny, s.nz], i * 3);
      }
    }
  }
  const [r, g, b] = material.base;
  for (let i = 0; i < width * height; i++) {
    if (depth[i] === -Infinity) continue;
    const nx = normals[i * 3]!;
    const ny = normals[i * 3 + 1]!;
    const nz = normals[i * 3 + 2]!;
    const diffuse = Math.max(0, nx * LIGHT.x + ny * LIGHT.y + nz * LIGHT.z);
    // A soft highlight where the surface faces halfway between the light and the viewer.
    const half =
      Math.max(0, nx * LIGHT.x + ny * LIGHT.y + nz * (LIGHT.z + 1)) / Math.hypot(LIGHT.x, LIGHT.y, LIGHT.z + 1);
    const specular = 40 * half ** 24;
    const rim = nz < material.rim ? 0.45 + 0.55 * (nz / material.rim) : 1;
    const light = (material.ambient + (1 - material.ambient) * diffuse) * rim;
    data.set([r * light + specular, g * light + specular, b * light + specular, 255], i * 4);
  }
  return { width, height, data };
}
