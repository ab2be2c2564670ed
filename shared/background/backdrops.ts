// Backdrops that need no provider, drawn procedurally at any size: a studio paper sweep, solid
// colours and gradients, and simple scenes, each with a soft vignette.
import type { Rgba } from "../raster/rgba";

export const SCENES = ["studio", "outdoor", "office", "cafe"] as const;
export type Scene = (typeof SCENES)[number];
/** Scenes the profession themes add. */
export const THEME_SCENES = ["hospital", "cockpit", "kitchen", "classroom"] as const;
export type AnyScene = Scene | (typeof THEME_SCENES)[number];

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => v + (b[i]! - v) * t) as Rgb;

/** Wall (top → bottom), floor, and accent colour; where the floor starts (0–1 of the height). */
const LOOK: Record<AnyScene, { wall: [string, string]; floor: string; accent: string; horizon: number }> = {
  studio: { wall: ["#eceae6", "#d9d6d0"], floor: "#d4d0ca", accent: "#ffffff", horizon: 0.74 },
  outdoor: { wall: ["#9ec9ee", "#dcebf5"], floor: "#8fae6b", accent: "#f4f1e6", horizon: 0.7 },
  office: { wall: ["#e6e3dc", "#cfcac1"], floor: "#9b8a76", accent: "#b8cde0", horizon: 0.76 },
  cafe: { wall: ["#d9b48f", "#b98a62"], floor: "#6e4a33", accent: "#f2d8a7", horizon: 0.76 },
  hospital: { wall: ["#eef4f4", "#d3e3e3"], floor: "#b9c9c9", accent: "#7fb7b3", horizon: 0.76 },
  cockpit: { wall: ["#3b4452", "#232a33"], floor: "#1d2128", accent: "#8fc1ff", horizon: 0.78 },
  kitchen: { wall: ["#f1ede4", "#d8d1c2"], floor: "#8d8478", accent: "#c9ced3", horizon: 0.72 },
  classroom: { wall: ["#e9e4d2", "#d4cdb4"], floor: "#a58a67", accent: "#2f5a44", horizon: 0.76 },
};

const newImage = (width: number, height: number): Rgba => ({ width, height, data: new Uint8Array(width * height * 4) });

function paint(img: Rgba, colourAt: (x: number, y: number) => Rgb) {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const [r, g, b] = colourAt(x, y);
      const i = (y * img.width + x) * 4;
      img.data[i] = r;
      img.data[i + 1] = g;
      img.data[i + 2] = b;
      img.data[i + 3] = 255;
    }
  }
}

/** Darkens the corners a little, as studio light falls off. */
function vignette(img: Rgba, amount = 0.18) {
  const [cx, cy] = [img.width / 2, img.height * 0.45];
  const max = Math.hypot(cx, cy);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const k = 1 - amount * (Math.hypot(x - cx, y - cy) / max) ** 2;
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[i + c] = Math.round(img.data[i + c]! * k);
    }
  }
}

/** A solid colour (no `to`) or a top-to-bottom gradient. */
export function colourBackdrop(width: number, height: number, from: string, to?: string): Rgba {
  const img = newImage(width, height);
  const [a, b] = [hex(from), hex(to ?? from)];
  paint(img, (_, y) => mix(a, b, y / Math.max(1, height - 1)));
  if (to) vignette(img, 0.12);
  return img;
}

/** A scene: a wall that shades down to a floor (curved like a paper sweep in the studio), accents. */
export function sceneBackdrop(width: number, height: number, scene: AnyScene): Rgba {
  const look = LOOK[scene];
  const [top, bottom, floor, accent] = [hex(look.wall[0]), hex(look.wall[1]), hex(look.floor), hex(look.accent)];
  const horizon = look.horizon * height;
  const img = newImage(width, height);
  paint(img, (x, y) => {
    // A gentle curve where the wall meets the floor (the studio sweep); a straight line elsewhere.
    const bend = scene === "studio" ? Math.cos((x / width - 0.5) * Math.PI) * height * 0.03 : 0;
    const edge = horizon + bend;
    if (y < edge) return mix(top, bottom, y / edge);
    const t = Math.min(1, (y - edge) / (height * 0.06));
    return mix(bottom, floor, scene === "studio" ? t * 0.6 : t);
  });
  // Accents: windows or panels on the wall, a counter or desk line, drawn as soft rectangles.
  const rect = (x0: number, y0: number, x1: number, y1: number, c: Rgb, alpha: number) => {
    for (let y = Math.max(0, Math.floor(y0 * height)); y < Math.min(height, y1 * height); y++) {
      for (let x = Math.max(0, Math.floor(x0 * width)); x < Math.min(width, x1 * width); x++) {
        const i = (y * width + x) * 4;
        for (let ch = 0; ch < 3; ch++) img.data[i + ch] = Math.round(img.data[i + ch]! * (1 - alpha) + c[ch]! * alpha);
      }
    }
  };
  if (scene === "outdoor") rect(0, look.horizon - 0.08, 1, look.horizon, [120, 150, 100], 0.5);
  if (scene === "office" || scene === "hospital" || scene === "classroom") {
    rect(0.06, 0.12, 0.3, 0.45, accent, 0.55);
    rect(0.7, 0.12, 0.94, 0.45, accent, 0.55);
  }
  if (scene === "cafe" || scene === "kitchen") rect(0, look.horizon - 0.14, 1, look.horizon - 0.1, accent, 0.7);
  if (scene === "cockpit") rect(0.05, 0.08, 0.95, 0.4, accent, 0.35);
  vignette(img);
  return img;
}
