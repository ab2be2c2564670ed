// The webcam's pose detection off the page's main thread: PoseLandmarker (VIDEO mode, lite model,
// CPU) on each frame the page hands over as an ImageBitmap.
//
// Where detectForVideo's time goes (CPU profile of this worker in headless Chromium, 2 cores):
// about three quarters in a handful of wasm SIMD kernels (XNNPack running the landmark model),
// ~2.4 ms in readPixels, the rest small. The frame's type hardly matters: in
// @mediapipe/tasks-vision 0.10.35 (vision_bundle.mjs) every input — ImageBitmap, ImageData, video,
// canvas — goes through one texImage2D onto the graph's WebGL context (an OffscreenCanvas of its
// own here) and `_addBoundTextureAsImageToStream`; there is no pixel-array path, so ImageData was
// no faster. The module worker's FilesetResolver (useModule) always loads the SIMD build
// (`isSimdSupported(true)` answers true without probing: vision_wasm_module_internal.wasm).
// VIDEO mode runs the person detector only until a pose is tracked: with the detector on every
// frame (IMAGE mode) detection took ~60 ms against ~34 ms.
import { poseLandmarker } from "./detect-pose";
import type { PoseWorkerReply, PoseWorkerRequest } from "./pose-worker-messages";

const reply = (message: PoseWorkerReply) => self.postMessage(message);

self.onmessage = async ({ data }: MessageEvent<PoseWorkerRequest>) => {
  if (data.type === "load") {
    try {
      await poseLandmarker("VIDEO");
      reply({ type: "ready" });
    } catch (err) {
      reply({ type: "failed", message: String((err as Error)?.message ?? err) });
    }
    return;
  }
  try {
    const landmarker = await poseLandmarker("VIDEO");
    const started = performance.now();
    const result = landmarker.detectForVideo(data.frame, data.timestampMs);
    const detectMs = performance.now() - started;
    reply({ type: "pose", landmarks: result.landmarks[0] ?? null, detectMs });
  } catch (err) {
    reply({ type: "failed", message: String((err as Error)?.message ?? err) });
  } finally {
    // The frame's pixels are ours now: free them at once rather than at garbage collection.
    data.frame.close();
  }
};
