import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { BUILT_IN_TEMPLATES_ID } from "./built-in-id";
import { builtInTemplateId } from "./built-in-rows";
import { builtInIdsMatching, copyText, localisedTemplateText } from "./localise";

// Judged from the English text, independently of the Indonesian words under test.
const ids = (pick: (t: (typeof BUILT_IN_TEMPLATES)[number]) => boolean) =>
  BUILT_IN_TEMPLATES.filter(pick)
    .map((t) => builtInTemplateId(t.slug))
    .sort();
const english = (t: (typeof BUILT_IN_TEMPLATES)[number]) => `${t.name} ${t.description} ${t.tags.join(" ")}`;

describe("built-in templates in Bahasa Indonesia", () => {
  it("every built-in template has an Indonesian name, description and search terms, unlike its English", () => {
    expect(Object.keys(BUILT_IN_TEMPLATES_ID).sort()).toEqual(BUILT_IN_TEMPLATES.map((t) => t.slug).sort());
    for (const t of BUILT_IN_TEMPLATES) {
      const own = BUILT_IN_TEMPLATES_ID[t.slug]!;
      expect(own.name.trim(), t.slug).not.toBe("");
      expect(own.name, t.slug).not.toBe(t.name);
      expect(own.description, t.slug).not.toBe(t.description);
      expect(own.terms.length, t.slug).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(Object.values(BUILT_IN_TEMPLATES_ID).map((t) => t.name)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it('"duduk" finds the sitting poses, and only those', () => {
    const sitting = ids((t) => /\b(seated|sitting|stool|chair)\b/i.test(english(t)));
    expect(sitting.length).toBeGreaterThanOrEqual(5);
    expect(builtInIdsMatching("duduk", "id").sort()).toEqual(sitting);
    expect(builtInIdsMatching("  DUDUK ", "id").sort()).toEqual(sitting);
  });

  it('"jalan" finds the walking poses, "melambai" the wave, "berdiri" no seated pose', () => {
    expect(builtInIdsMatching("jalan", "id").sort()).toEqual(ids((t) => /\bwalk/i.test(english(t))));
    expect(builtInIdsMatching("melambai", "id")).toEqual([builtInTemplateId("wave")]);
    const standing = builtInIdsMatching("berdiri", "id");
    expect(standing.length).toBeGreaterThanOrEqual(10);
    for (const id of standing) expect(builtInIdsMatching("duduk", "id")).not.toContain(id);
  });

  it("searches Indonesian words only in id, and nothing for an empty query", () => {
    expect(builtInIdsMatching("duduk", "en")).toEqual([]);
    expect(builtInIdsMatching("   ", "id")).toEqual([]);
  });

  it("shows a built-in's Indonesian name in id, and custom templates as written", () => {
    const row = { id: builtInTemplateId("wave"), name: "Waving hello", description: "A friendly wave." };
    expect(localisedTemplateText(row, "id").name).toBe(BUILT_IN_TEMPLATES_ID.wave!.name);
    expect(localisedTemplateText(row, "en")).toEqual({ name: row.name, description: row.description });
    const custom = { id: "tpl_123", name: "My pose", description: null };
    expect(localisedTemplateText(custom, "id")).toEqual({ name: "My pose", description: null });
  });

  it("names a fork as a copy in the caller's language, within the name limit", () => {
    const row = { id: builtInTemplateId("wave"), name: "Waving hello", description: "A friendly wave." };
    expect(copyText(row, "en").name).toBe("Waving hello (copy)");
    expect(copyText(row, "id").name).toBe(`${BUILT_IN_TEMPLATES_ID.wave!.name} (salinan)`);
    const long = { id: "tpl_1", name: "x".repeat(78), description: null };
    expect(copyText(long, "en").name).toBe("x".repeat(73));
    expect(copyText(long, "id").name).toBe("x".repeat(70));
  });
});
