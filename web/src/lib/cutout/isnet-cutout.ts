// The fine cut-out with @imgly's small ISNet model rewritten for a 512² input
// (scripts/background-removal/isnet-at-size.ts): a quarter of the 1024² run's compute. @imgly
// hard-codes 1024² (dist/index.mjs `runInference`), so this runs the same onnxruntime-web (the
// version @imgly depends on) with the same session options and the same pre- and post-processing,
// ported from @imgly/background-removal 1.4.5 dist/index.mjs as cited beside each step.
import * as ort from "onnxruntime-web";
import { loadChunked, type FetchProgress } from "./chunked-resource";

/** The rewritten model's input side, and its key in /background-removal/resources.json. */
export const FAST_SIZE = 512;
export const FAST_MODEL = "/models/small-512";
/** Alpha below this (of 255) is background haze, not a person's edge: cleared. */
const ALPHA_FLOOR = 48;

/** Downloads the model and runtime and builds the session (`createOnnxSession` in @imgly). */
export async function createFastSession(publicPath: string, progress?: FetchProgress) {
  const url = async (key: string) => URL.createObjectURL(await loadChunked(publicPath, key, progress));
  // Threads need cross-origin isolation (the page has it: web/static/_headers); SIMD every browser we support has.
  const threads = self.crossOriginIsolated;
  ort.env.wasm.numThreads = threads ? (navigator.hardwareConcurrency ?? 4) : 1;
  ort.env.wasm.simd = true;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = threads
    ? { "ort-wasm-simd-threaded.wasm": await url("/onnxruntime-web/ort-wasm-simd-threaded.wasm") }
    : { "ort-wasm-simd.wasm": await url("/onnxruntime-web/ort-wasm-simd.wasm") };
  const model = new Uint8Array(await (await loadChunked(publicPath, FAST_MODEL, progress)).arrayBuffer());
  return ort.InferenceSession.create(model, {
    executionProviders: ["wasm"],
    graphOptimizationLevel: "all",
    executionMode: "parallel",
    enableCpuMemArena: true,
  });
}

/** @imgly's `tensorResizeBilinear` on a flat HWC byte array (same sampling, same rounding). */
function resizeBilinear(src: ArrayLike<number>, w: number, h: number, channels: number, newW: number, newH: number) {
  const out = new Uint8Array(newW * newH * channels);
  const [scaleX, scaleY] = [w / newW, h / newH];
  for (let y = 0; y < newH; y++) {
    const sy = y * scaleY;
    const [y1, y2] = [Math.floor(sy), Math.min(Math.ceil(sy), h - 1)];
    const dy = sy - y1;
    for (let x = 0; x < newW; x++) {
      const sx = x * scaleX;
      const [x1, x2] = [Math.floor(sx), Math.min(Math.ceil(sx), w - 1)];
      const dx = sx - x1;
      for (let c = 0; c < channels; c++) {
        const at = (yy: number, xx: number) => src[(yy * w + xx) * channels + c]!;
        const v =
          (1 - dx) * (1 - dy) * at(y1, x1) +
          dx * (1 - dy) * at(y1, x2) +
          (1 - dx) * dy * at(y2, x1) +
          dx * dy * at(y2, x2);
        out[(y * newW + x) * channels + c] = Math.round(v);
      }
    }
  }
  return out;
}

/** `image` as a PNG with the background transparent (@imgly's `removeBackground`, at 512²). */
export async function cutWithSession(session: ort.InferenceSession, image: Blob): Promise<Blob> {
  // imageDecode: createImageBitmap, drawn on a canvas, RGBA bytes.
  const bitmap = await createImageBitmap(image);
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext("2d")!;
  g.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = g.getImageData(0, 0, width, height);
  // runInference: resize to the model's square, then tensorHWCtoBCHW with mean 128, std 256.
  const small = resizeBilinear(pixels.data, width, height, 4, FAST_SIZE, FAST_SIZE);
  const plane = FAST_SIZE * FAST_SIZE;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) input[c * plane + i] = (small[i * 4 + c]! - 128) / 256;
  const feeds = { input: new ort.Tensor("float32", input, [1, 3, FAST_SIZE, FAST_SIZE]) };
  const { output } = await session.run(feeds, ["output"]);
  // convertFloat32ToUint8 (a Uint8Array store: ×255, truncated), then back to the photo's size.
  const alpha8 = Uint8Array.from(output!.data as Float32Array, (v) => v * 255);
  const alpha = resizeBilinear(alpha8, FAST_SIZE, FAST_SIZE, 1, width, height);
  // Our one step beyond @imgly: at 512² the model leaves a faint haze (alpha ≈ 30) over some
  // backgrounds (the astronaut photo's corner); a floor clears it and keeps every real edge.
  for (let i = 0; i < width * height; i++) pixels.data[i * 4 + 3] = alpha[i]! < ALPHA_FLOOR ? 0 : alpha[i]!;
  // imageEncode: putImageData and convertToBlob, as the worker asks @imgly for (PNG, quality 1).
  g.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: "image/png", quality: 1 });
}
