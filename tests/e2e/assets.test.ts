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

  it("serves the background-removal model and runtime, every chunk the size its index says", async () => {
    const index = (await (await fetch(`${origin}/background-removal/resources.json`)).json()) as Record<
      string,
      { size: number; chunks: { hash: string; offsets: [number, number] }[] }
    >;
    // small-512: the small model rewritten for a 512² input (scripts/background-removal/isnet-at-size.ts).
    expect(Object.keys(index).sort()).toEqual([
      "/models/small",
      "/models/small-512",
      "/onnxruntime-web/ort-wasm-simd-threaded.wasm",
      "/onnxruntime-web/ort-wasm-simd.wasm",
    ]);
    for (const { size, chunks } of Object.values(index)) {
      let total = 0;
      for (const chunk of chunks) {
        const res = await fetch(`${origin}/background-removal/${chunk.hash}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("cache-control")).toContain("max-age=86400");
        const bytes = (await res.arrayBuffer()).byteLength;
        expect(bytes).toBe(chunk.offsets[1] - chunk.offsets[0]);
        total += bytes;
      }
      expect(total).toBe(size);
    }
  });

  it("isolates every page (COOP/COEP) so the background-removal runtime can use threads", async () => {
    for (const path of ["/", "/avatars", "/capture", "/editor?id=x"]) {
      const res = await fetch(`${origin}${path}`);
      expect(res.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(res.headers.get("cross-origin-embedder-policy"), path).toBe("require-corp");
    }
  });
});
