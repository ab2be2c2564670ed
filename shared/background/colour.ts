// sRGB ↔ CIE Lab (D65) and Reinhard-style colour transfer: the subject's Lab mean and spread moved
// part of the way toward the scene's, so a cut-out person takes on the scene's light.
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
const fInv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));
const [XN, YN, ZN] = [0.95047, 1, 1.08883];

export function rgbToLab(r: number, g: number, b: number): [number, number, number] {
  const [R, G, B] = [toLinear(r / 255), toLinear(g / 255), toLinear(b / 255)];
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / XN;
  const y = (0.2126 * R + 0.7152 * G + 0.0722 * B) / YN;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / ZN;
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function labToRgb(L: number, a: number, b: number): [number, number, number] {
  const fy = (L + 16) / 116;
  const [x, y, z] = [fInv(fy + a / 500) * XN, fInv(fy) * YN, fInv(fy - b / 200) * ZN];
  const R = 3.2406 * x - 1.5372 * y - 0.4986 * z;
  const G = -0.9689 * x + 1.8758 * y + 0.0415 * z;
  const B = 0.0557 * x - 0.204 * y + 1.057 * z;
  const byte = (c: number) => Math.max(0, Math.min(255, Math.round(toSrgb(Math.max(0, c)) * 255)));
  return [byte(R), byte(G), byte(B)];
}

export interface LabStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/** Lab mean and standard deviation of the pixels where `weight(i)` > 0.5 (i: pixel index). */
export function labStats(rgba: Uint8Array | Uint8ClampedArray, weight: (i: number) => number, step = 2): LabStats {
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < rgba.length / 4; i += step) {
    if (weight(i) <= 0.5) continue;
    const lab = rgbToLab(rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!);
    for (let c = 0; c < 3; c++) {
      sum[c]! += lab[c]!;
      sq[c]! += lab[c]! ** 2;
    }
    n++;
  }
  const mean = sum.map((s) => s / Math.max(n, 1)) as [number, number, number];
  const std = sq.map((s, c) => Math.sqrt(Math.max(0, s / Math.max(n, 1) - mean[c]! ** 2))) as [number, number, number];
  return { mean, std };
}

/** Maps one pixel's colour from `from` statistics `strength` of the way toward `to`'s. */
export function transferColour(
  r: number,
  g: number,
  b: number,
  from: LabStats,
  to: LabStats,
  strength: number,
): [number, number, number] {
  const lab = rgbToLab(r, g, b);
  const out = lab.map((v, c) => {
    // The spread moves too, within limits, so a flat backdrop does not flatten the subject.
    const scale = from.std[c]! > 1e-3 ? Math.min(1.4, Math.max(0.7, to.std[c]! / from.std[c]!)) : 1;
    const moved = (v - from.mean[c]!) * scale + to.mean[c]!;
    return v + (moved - v) * strength;
  }) as [number, number, number];
  return labToRgb(...out);
}
