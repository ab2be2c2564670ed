import { describe, expect, it } from "vitest";
import { indonesianMessage } from "../worker/i18n/error-messages-id";

describe("the Indonesian error catalogue", () => {
  it("fills a message from the error's details and params", () => {
    expect(indonesianMessage("insufficient_credits", { cost: 4, balance: 1 })).toBe(
      "Kredit tidak cukup: biayanya 4, saldo Anda 1. Kurangi permintaan, atau minta tambahan kredit.",
    );
    expect(indonesianMessage("template_not_found", { missing: ["a", "b"] })).toBe(
      "Template pose tidak ditemukan: a, b.",
    );
    expect(indonesianMessage("file_too_large", undefined, { maxMb: 10 })).toBe("Berkas lebih besar dari 10 MB.");
    const issues = [{ path: "quality" }, { path: "quality" }, { path: "seed" }];
    expect(indonesianMessage("invalid_request", issues)).toBe("Permintaan tidak valid; periksa: quality, seed.");
  });

  it("takes the next template when a value is missing, and keeps the English when none fits", () => {
    expect(indonesianMessage("payload_too_large", undefined)).toBe("Isi permintaan terlalu besar.");
    expect(indonesianMessage("invalid_request", [])).toBe("Permintaan tidak valid.");
    expect(indonesianMessage("not_found", undefined, { what: "Theme" })).toBe("Tema tidak ditemukan.");
    expect(indonesianMessage("not_found", undefined, { what: "Something new" })).toBeNull();
    expect(indonesianMessage("insufficient_credits", { cost: 4 })).toBeNull();
    expect(indonesianMessage("a_code_nobody_translated", {})).toBeNull();
  });
});
