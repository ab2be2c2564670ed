import { describe, expect, it } from "vitest";
import { anatomyProblems } from "../pose/anatomy";
import { BODY } from "../pose/model";
import { objectKeypointSimilarity } from "../pose/oks";
import { BUILT_IN_TEMPLATES, TEMPLATE_CATEGORIES } from "./built-in";
import { buildFigure } from "./figure";

describe("built-in template library", () => {
  it("has at least 40 templates with unique slugs, covering every category", () => {
    expect(BUILT_IN_TEMPLATES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.slug)).size).toBe(BUILT_IN_TEMPLATES.length);
    for (const category of TEMPLATE_CATEGORIES) {
      expect(BUILT_IN_TEMPLATES.filter((t) => t.category === category).length, category).toBeGreaterThanOrEqual(4);
    }
  });

  for (const template of BUILT_IN_TEMPLATES) {
    it(`${template.slug} is anatomically plausible and on the canvas`, () => {
      const pose = buildFigure(template.figure);
      expect(pose.people).toHaveLength(1);
      const body = pose.people[0]!.body;
      // All joints but ears (one may be hidden when the head turns) are present.
      body.forEach((p, i) => {
        if (i !== BODY.rightEar && i !== BODY.leftEar) expect(p, `point ${i}`).not.toBeNull();
      });
      expect(anatomyProblems(pose.people[0]!, pose)).toEqual([]);
    });
  }

  it("has no near-duplicates (OKS between any two templates below 0.95)", () => {
    const people = BUILT_IN_TEMPLATES.map((t) => buildFigure(t.figure).people[0]!);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const oks = objectKeypointSimilarity(people[i]!, people[j]!)!;
        expect(oks, `${BUILT_IN_TEMPLATES[i]!.slug} ~ ${BUILT_IN_TEMPLATES[j]!.slug}`).toBeLessThan(0.95);
      }
    }
  });

  it("catches implausible bodies (the checks can fail)", () => {
    const pose = buildFigure(BUILT_IN_TEMPLATES[0]!.figure);
    const person = structuredClone(pose.people[0]!);
    const neck = person.body[BODY.neck]!;
    person.body[BODY.neck] = { ...neck, y: neck.y + 400 };
    expect(anatomyProblems(person, pose).join()).toMatch(/upside down/);
    const longArm = structuredClone(pose.people[0]!);
    longArm.body[BODY.leftWrist] = { x: 500, y: 20, c: 1 };
    expect(anatomyProblems(longArm, pose).join()).toMatch(/forearm/);
    const off = structuredClone(pose.people[0]!);
    off.body[BODY.nose] = { x: -5, y: 10, c: 1 };
    expect(anatomyProblems(off, pose).join()).toMatch(/off the canvas/);
  });
});
