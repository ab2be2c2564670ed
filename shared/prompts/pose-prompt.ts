// Prompts for pose generation, in the product plan's wording: "professional photo, high quality,
// … {avatar characteristics}, {pose description}" and "ugly, blurry, … bad anatomy, watermark".

export interface AvatarTraits {
  gender?: "female" | "male" | "any" | null;
  ageRange?: string | null;
  style?: string | null;
}

export interface PoseDescription {
  name: string;
  description?: string | null;
}

const BASE = "professional photo, high quality, sharp focus, natural skin texture, soft even studio lighting";
const NEGATIVE =
  "ugly, blurry, low quality, deformed, disfigured, bad anatomy, extra limbs, missing limbs, extra fingers, " +
  "mutated hands, cropped, out of frame, watermark, text, logo, signature";

const clean = (s: string) =>
  s
    .replace(/[\p{Cc}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "a woman in her late twenties, modest fashion style" from the avatar's metadata. */
export function describeAvatar(t: AvatarTraits): string {
  const who = t.gender === "female" ? "a woman" : t.gender === "male" ? "a man" : "a person";
  const age = t.ageRange ? `, aged ${t.ageRange}` : "";
  const style = t.style ? `, ${clean(t.style)} style` : "";
  return `${who}${age}${style}`;
}

/** The generation's base prompt: quality words, the avatar, and the user's own words. */
export function buildBasePrompt(avatar: AvatarTraits, userPrompt?: string | null): string {
  return [BASE, describeAvatar(avatar), userPrompt ? clean(userPrompt) : ""].filter(Boolean).join(", ");
}

export function buildNegativePrompt(userNegative?: string | null): string {
  return userNegative ? `${NEGATIVE}, ${clean(userNegative)}` : NEGATIVE;
}

/** One pose's prompt: the base prompt plus what the pose is. */
export function buildPosePrompt(basePrompt: string, pose: PoseDescription): string {
  const what = [pose.name, pose.description]
    .filter(Boolean)
    .map((s) => clean(s!).replace(/\.$/, ""))
    .join(": ");
  return `${basePrompt}, pose: ${what.toLowerCase()}, full body in frame`;
}
