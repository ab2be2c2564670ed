import { describe, expect, it } from "vitest";
import { AVATAR_STYLES } from "../api/avatar-generation";
import { AGE_RANGES, GENDERS } from "../api/avatars";
import { buildAvatarPrompt } from "./avatar-prompt";

const WHO = { female: "a woman", male: "a man", any: "a person" } as const;
const THEIR = { female: "her", male: "his", any: "their" } as const;

describe("avatar prompt", () => {
  const ages = [undefined, ...AGE_RANGES];
  const styles = [undefined, ...AVATAR_STYLES];
  it(`covers all ${GENDERS.length * ages.length * styles.length} gender × age × style combinations`, () => {
    const seen = new Set<string>();
    for (const gender of GENDERS) {
      for (const ageRange of ages) {
        for (const style of styles) {
          const { prompt, negativePrompt } = buildAvatarPrompt({
            prompt: "tall, short black hair",
            gender,
            ageRange,
            style,
          });
          seen.add(prompt);
          expect(prompt).toContain(`${WHO[gender]}${ageRange ? ` in ${THEIR[gender]} ` : ", "}`);
          expect(prompt).toContain("tall, short black hair");
          // Framing that poses well later: the whole body, facing the camera, plain background.
          for (const words of [
            "full body shot from head to feet",
            "facing the camera",
            "plain light grey studio background",
          ])
            expect(prompt).toContain(words);
          if (ageRange === "55+") expect(prompt).toContain("late fifties or older");
          if (style === "modest-fashion") expect(prompt).toContain("modest fashion outfit, long sleeves");
          if (style === "business") expect(prompt).toContain("business attire");
          if (!style) expect(prompt).not.toMatch(/attire|outfit|sportswear/);
          expect(negativePrompt).toContain("cropped");
          expect(negativePrompt).toContain("multiple people");
        }
      }
    }
    // Every combination says something different.
    expect(seen.size).toBe(GENDERS.length * ages.length * styles.length);
  });

  it("cleans control characters and runs of spaces out of the description", () => {
    const { prompt } = buildAvatarPrompt({ prompt: "  hijab\u0000 \n\n  pastel   ", gender: "female" });
    expect(prompt).toContain("a woman, hijab pastel, full body");
  });
});
