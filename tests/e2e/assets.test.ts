import { describe, expect, inject, it } from "vitest";

const origin = inject("origin");

describe("wasm and models are served from our own origin", () => {
  it("serves the pose models with a day's cache", async () => {
    for (const variant of ["lite", "full"]) {
      const res = await fetch(`${origin}/models/pose_landmarker_${variant}.task`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("max-age=86400");
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(5_000_000);
    }
  });

  it("serves MediaPipe's wasm as application/wasm", async () => {
    const res = await fetch(`${origin}/mediapipe/wasm/vision_wasm_internal.wasm`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/wasm");
    expect(res.headers.get("cache-control")).toContain("max-age=86400");
  });

  it("caches content-hashed app code for a year", async () => {
    const html = await (await fetch(`${origin}/`)).text();
    const script = /"(\/_app\/immutable\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await fetch(`${origin}${script}`);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });
});
