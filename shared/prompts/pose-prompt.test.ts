import { describe, expect, it } from "vitest";
import { AGE_RANGES, GENDERS } from "../api/avatars";
import { buildBasePrompt, buildNegativePrompt, buildPosePrompt, describeAvatar } from "./pose-prompt";

describe("pose prompts", () => {
  it("describe every gender and age range, with the style", () => {
    for (const gender of GENDERS) {
      for (const ageRange of AGE_RANGES) {
        const d = describeAvatar({ gender, ageRange, style: "modest fashion" });
        expect(d).toContain(`aged ${ageRange}`);
        expect(d).toContain("modest fashion style");
        expect(d).toMatch(gender === "female" ? /^a woman/ : gender === "male" ? /^a man/ : /^a person/);
      }
    }
    expect(describeAvatar({})).toBe("a person");
  });

  it("build the plan's base and negative prompts, adding the user's words", () => {
    const base = buildBasePrompt({ gender: "female", ageRange: "25-34" }, "wearing a beige\ngamis");
    expect(base).toMatch(/^professional photo, high quality/);
    expect(base).toContain("a woman, aged 25-34");
    expect(base).toContain("wearing a beige gamis");
    const neg = buildNegativePrompt("hat");
    expect(neg).toMatch(/^ugly, blurry/);
    expect(neg).toContain("bad anatomy");
    expect(neg).toContain("watermark");
    expect(neg.endsWith(", hat")).toBe(true);
  });

  it("add the pose to each pose's prompt", () => {
    const p = buildPosePrompt("professional photo", { name: "Hand on hip", description: "One hand on the hip." });
    expect(p).toBe("professional photo, pose: hand on hip: one hand on the hip, full body in frame");
  });
});
