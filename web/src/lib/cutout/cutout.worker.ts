// Background removal off the main thread: @imgly/background-removal with its model and
// onnxruntime wasm from our own origin (copied there by the build).
import { removeBackground } from "@imgly/background-removal";
import type { CutoutReply, CutoutRequest } from "./messages";

self.onmessage = async ({ data }: MessageEvent<CutoutRequest>) => {
  const reply = (message: CutoutReply) => self.postMessage(message);
  try {
    const blob = await removeBackground(data.image, {
      publicPath: `${self.location.origin}/background-removal/`,
      model: "small",
      // We are already the worker: no second proxy worker inside onnxruntime.
      proxyToWorker: false,
      output: { format: "image/png", quality: 1 },
      progress: (key, current, total) => reply({ type: "progress", key, current, total }),
    });
    reply({ type: "done", image: blob });
  } catch (err) {
    reply({ type: "failed", message: String((err as Error)?.message ?? err) });
  }
};
