// The webcam's pose detection off the page's main thread: PoseLandmarker (VIDEO mode, lite model,
// CPU) on each frame the page hands over as an ImageBitmap.
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
