// Inpainting prompts for hijabs and outfits, with the product plan's advice for a natural result.
import type { HijabStyle, Outfit } from "../fashion/regions";

/** The plan's advice for anything repainted onto a person. */
export const FASHION_ADVICE =
  "worn naturally, matching lighting and colour of the scene, realistic fabric texture, proper shadows and highlights";
export const FASHION_NEGATIVE =
  "hair showing, face covered, distorted face, deformed hands, extra fingers, floating fabric, blurry, low quality, " +
  "cartoon, text, watermark";

const HIJAB: Record<HijabStyle, string> = {
  modern: "a modern hijab wrapped neatly around the head and neck, draped softly over the shoulders",
  pashmina: "a long pashmina shawl hijab, loosely wrapped around the head, flowing over the shoulders",
  turban: "a turban-style hijab wrapped high on the head with a matching inner cap covering the neck",
  square: "a square hijab folded into a triangle, pinned under the chin and falling over the chest",
  instant: "an instant slip-on hijab with a soft front brim, covering the neck and chest",
};

const OUTFIT: Record<Outfit, string> = {
  casual: "a relaxed casual outfit: a short-sleeved cotton top and comfortable trousers",
  formal: "a formal outfit: a tailored long-sleeved blazer over a blouse, with matching trousers",
  traditional: "a traditional Indonesian outfit: a long-sleeved kebaya with a long batik skirt",
};

/** Names the UI's colours well enough for a prompt: the nearest of a small palette. */
const PALETTE: [string, number, number, number][] = [
  ["black", 20, 20, 20],
  ["white", 245, 245, 245],
  ["cream", 240, 230, 200],
  ["beige", 200, 169, 154],
  ["light grey", 190, 190, 190],
  ["charcoal grey", 80, 80, 85],
  ["navy blue", 25, 35, 80],
  ["sky blue", 120, 180, 230],
  ["teal", 30, 120, 130],
  ["sage green", 150, 170, 130],
  ["olive green", 110, 110, 50],
  ["emerald green", 20, 130, 80],
  ["maroon", 110, 25, 40],
  ["red", 200, 30, 40],
  ["dusty pink", 210, 150, 155],
  ["pink", 240, 130, 170],
  ["lilac", 190, 160, 210],
  ["purple", 100, 40, 130],
  ["brown", 110, 70, 40],
  ["mustard yellow", 210, 170, 40],
  ["orange", 235, 120, 40],
];

export function colourName(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let best = PALETTE[0]!;
  let bestD = Infinity;
  for (const entry of PALETTE) {
    const d = (entry[1] - r) ** 2 + (entry[2] - g) ** 2 + (entry[3] - b) ** 2;
    if (d < bestD) [best, bestD] = [entry, d];
  }
  return best[0];
}

export const hijabPrompt = (style: HijabStyle, colour: string) =>
  `${HIJAB[style]}, ${colourName(colour)} fabric, ${FASHION_ADVICE}`;
export const outfitPrompt = (outfit: Outfit) => `${OUTFIT[outfit]}, ${FASHION_ADVICE}`;
