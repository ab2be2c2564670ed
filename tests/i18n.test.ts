import { describe, expect, it } from "vitest";
import { en } from "../web/src/lib/i18n/dictionaries";
import { id } from "../web/src/lib/i18n/dictionaries";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI strings", () => {
  it("are translated into Bahasa Indonesia, every one, with the same placeholders", () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const indonesian = id[key as keyof typeof en];
      expect(indonesian.trim(), key).not.toBe("");
      expect(placeholders(indonesian), key).toEqual(placeholders(english));
    }
  });
});
