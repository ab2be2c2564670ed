import { describe, expect, it } from "vitest";
import { ownerOfKey } from "../worker/storage/r2-key-owners";
import { r2Keys } from "../worker/storage/r2-keys";

const user = "5d1c7f4e-0000-4000-8000-000000000001";
const row = "9a8b7c6d-0000-4000-8000-000000000002";

describe("ownerOfKey, the inverse of r2Keys", () => {
  it("finds the owning row of every kind of key", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp", "application/octet-stream"]) {
      expect(ownerOfKey(r2Keys.avatarOriginal(user, row, type))).toEqual({ table: "avatars", id: row });
      expect(ownerOfKey(r2Keys.backgroundImage(user, row, type))).toEqual({ table: "background_images", id: row });
      expect(ownerOfKey(r2Keys.avatarCandidate(user, row, type))).toEqual({ table: "avatar_candidates", id: row });
    }
    expect(ownerOfKey(r2Keys.avatarThumbnail(user, row))).toEqual({ table: "avatars", id: row });
    expect(ownerOfKey(r2Keys.avatarCutout(user, row))).toEqual({ table: "avatars", id: row });
    expect(ownerOfKey(r2Keys.avatarRig(user, row))).toEqual({ table: "avatars", id: row });
    expect(ownerOfKey(r2Keys.templatePreview(row))).toEqual({ table: "pose_templates", id: row });
    expect(ownerOfKey(r2Keys.templatePreview("builtin-hand-on-hip"))).toEqual({
      table: "pose_templates",
      id: "builtin-hand-on-hip",
    });
    for (const stage of ["base", "fashion", "background", "final"]) {
      expect(ownerOfKey(r2Keys.generationImage(row, "builtin-hand-on-hip", stage))).toEqual({
        table: "pose_generations",
        id: row,
      });
      expect(ownerOfKey(r2Keys.generationPng(row, row, stage))).toEqual({ table: "pose_generations", id: row });
    }
  });

  it("names no row for shared scene paintings or keys it does not know, so the sweep leaves them", () => {
    expect(ownerOfKey(r2Keys.scene("cafe", 512, 768))).toBeNull();
    for (const key of [
      "",
      "avatars/",
      "avatars/u/a/other.txt",
      "generations/x",
      "templates/t/other.png",
      "misc/file",
    ]) {
      expect(ownerOfKey(key), key).toBeNull();
    }
  });
});
