import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { POSE_SETS, poseSetTemplateIds } from "./pose-sets";

describe("ready-made pose sets", () => {
  it("name only built-in poses, each once per set", () => {
    const slugs = new Set(BUILT_IN_TEMPLATES.map((t) => t.slug));
    for (const set of POSE_SETS) {
      for (const slug of set.slugs) expect(slugs.has(slug), `${set.id}: ${slug}`).toBe(true);
      expect(new Set(set.slugs).size).toBe(set.slugs.length);
    }
  });

  it("have the sizes the library announces", () => {
    const size = Object.fromEntries(POSE_SETS.map((s) => [s.id, s.slugs.length]));
    expect(size).toEqual({ "hijab-catalogue": 10, skincare: 6, "fashion-lookbook": 8, "profile-photos": 5 });
  });

  it("keep their skincare set to skincare and product-by-face poses", () => {
    const skincare = POSE_SETS.find((s) => s.id === "skincare")!;
    const category = (slug: string) => BUILT_IN_TEMPLATES.find((t) => t.slug === slug)!.category;
    for (const slug of skincare.slugs) expect(["skincare-application", "product-holding"]).toContain(category(slug));
    expect(poseSetTemplateIds(skincare)[0]).toBe("builtin-cheek-touch");
  });
});
