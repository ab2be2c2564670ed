// Cuts the person out of a photo in a Web Worker; reports download and work progress.
import type { CutoutReply } from "./messages";

export interface CutoutProgress {
  /** 0–1 over the model and runtime downloads (cached after the first time). */
  downloaded: number;
  phase: "download" | "compute";
}

export function removeBackgroundInWorker(image: Blob, onProgress: (p: CutoutProgress) => void): Promise<Blob> {
  const worker = new Worker(new URL("./cutout.worker.ts", import.meta.url), { type: "module" });
  const loaded = new Map<string, [number, number]>();
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<CutoutReply>) => {
      if (data.type === "progress") {
        // Keys are "fetch:<resource>" per download and "compute:inference" for the work itself.
        if (data.key.startsWith("fetch:")) loaded.set(data.key, [data.current, data.total]);
        const [current, total] = [...loaded.values()].reduce(([c, t], [a, b]) => [c + a, t + b], [0, 0]);
        const downloaded = total ? current / total : 0;
        const computing = data.key.startsWith("compute:") || downloaded >= 1;
        onProgress({ downloaded, phase: computing ? "compute" : "download" });
      } else if (data.type === "done") resolve(data.image);
      else reject(new Error(data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || "worker failed"));
    worker.postMessage({ image });
  }).finally(() => worker.terminate());
}
