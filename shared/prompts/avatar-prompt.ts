// Prompts for text-to-avatar: the user's description made into a photo that poses well later:
// one person, full body, facing the camera, plain background, even light, nothing cropped.
import type { AvatarGenerateRequest } from "../api/avatar-generation";

type Traits = Pick<AvatarGenerateRequest, "prompt" | "gender" | "ageRange" | "style">;

const FRAMING =
  "full body shot from head to feet, standing straight, facing the camera, arms relaxed at the sides, " +
  "centered, plain light grey studio background, soft even lighting";
const QUALITY = "professional photo, high quality, sharp focus, natural skin texture, realistic proportions";
const NEGATIVE =
  "multiple people, cropped, out of frame, cut off feet, cut off head, close-up, portrait crop, " +
  "busy background, props, text, watermark, logo, ugly, blurry, low quality, deformed, bad anatomy, " +
  "extra limbs, missing limbs, extra fingers, mutated hands, harsh shadows";

const STYLE_WORDS: Record<NonNullable<Traits["style"]>, string> = {
  casual: "casual everyday outfit",
  business: "business attire, tailored blazer",
  "modest-fashion": "modest fashion outfit, long sleeves, loose long clothing",
  traditional: "traditional attire",
  streetwear: "streetwear outfit, sneakers",
  sporty: "sportswear, athletic outfit",
};

const AGE_WORDS: Record<NonNullable<Traits["ageRange"]>, string> = {
  "18-24": "early twenties",
  "25-34": "late twenties to early thirties",
  "35-44": "late thirties to early forties",
  "45-54": "late forties to early fifties",
  "55+": "late fifties or older",
};

const clean = (s: string) =>
  s
    .replace(/[\p{Cc}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "a woman in her late twenties…, business attire" from the choices (not the free text). */
export function describeChoices(t: Traits): string {
  const [who, their] =
    t.gender === "female" ? ["a woman", "her"] : t.gender === "male" ? ["a man", "his"] : ["a person", "their"];
  const age = t.ageRange ? ` in ${their} ${AGE_WORDS[t.ageRange]}` : "";
  const style = t.style ? `, ${STYLE_WORDS[t.style]}` : "";
  return `${who}${age}${style}`;
}

export interface AvatarPrompt {
  prompt: string;
  negativePrompt: string;
}

/** The full prompt and negative prompt for one avatar description. */
export function buildAvatarPrompt(t: Traits): AvatarPrompt {
  return {
    prompt: [QUALITY, `${describeChoices(t)}, ${clean(t.prompt)}`, FRAMING].join(", "),
    negativePrompt: NEGATIVE,
  };
}
