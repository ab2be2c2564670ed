// The webcam's pose detector: each frame is copied (reduced when large) into an ImageBitmap, handed
// (transferred, not copied again) to pose.worker.ts, and a frame that arrives while the worker is
// still busy is dropped rather than queued, so the pose on screen is never more than one frame old.
import { mediapipeToOpenPose } from "$shared/pose/mediapipe";
import type { Pose } from "$shared/pose/model";
import type { PoseWorkerReply, PoseWorkerRequest } from "./pose-worker-messages";

/**
 * The long side of the frame the worker sees (px): a 1280×720 webcam is halved, smaller cameras go
 * as they are. A smaller frame buys nothing: the landmark model crops its own 256² input from the
 * tracked region, and with frames taking turns in one run, 548, 320 and 256 px took the same
 * (fastest tenth ~34 ms each); an earlier run saw 256 px slower. The landmarks are normalised, so
 * they map back onto the full frame for free.
 */
export const INPUT_LONG_SIDE = 640;

export interface VideoDetection {
  /** On a canvas the video's own size; null when nobody is in view. */
  pose: Pose | null;
  /** detectForVideo alone, timed inside the worker (ms). */
  detectMs: number;
  /** The rest of the round trip: the reduced copy and both messages (ms). */
  handOverMs: number;
}

type Waiting = { resolve: (reply: PoseWorkerReply) => void; reject: (err: Error) => void };

/** PoseLandmarker (VIDEO mode, lite model) in a module worker, one frame at a time. */
export class VideoPoseDetector {
  /** Where detection runs, shown by the page (data-detector). */
  readonly kind = "worker";
  /** Frames offered while the previous one was still in the worker, and so dropped. */
  skipped = 0;
  private busy = false;
  private waiting: Waiting | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = ({ data }: MessageEvent<PoseWorkerReply>) => this.settle((w) => w.resolve(data));
    worker.onerror = (event) => this.settle((w) => w.reject(new Error(event.message || "the pose worker failed")));
  }

  /** Starts the worker and creates its landmarker; rejects when the model or runtime cannot load. */
  static async open(): Promise<VideoPoseDetector> {
    const worker = new Worker(new URL("./pose.worker.ts", import.meta.url), { type: "module" });
    const detector = new VideoPoseDetector(worker);
    try {
      const reply = await detector.ask({ type: "load" });
      if (reply.type === "failed") throw new Error(reply.message);
      return detector;
    } catch (err) {
      worker.terminate();
      throw err;
    }
  }

  /**
   * The pose in the video's current frame, or null at once (the frame is skipped and counted)
   * while the previous frame is still being detected. `timestampMs` must grow from call to call.
   */
  detect(video: HTMLVideoElement, timestampMs: number): Promise<VideoDetection> | null {
    if (this.busy) {
      this.skipped++;
      return null;
    }
    this.busy = true;
    const started = performance.now();
    const { videoWidth: width, videoHeight: height } = video;
    const scale = Math.min(1, INPUT_LONG_SIDE / Math.max(width, height));
    const size = {
      resizeWidth: Math.max(1, Math.round(width * scale)),
      resizeHeight: Math.max(1, Math.round(height * scale)),
    };
    return createImageBitmap(video, { ...size, resizeQuality: "medium" })
      .then((frame) => this.ask({ type: "frame", frame, timestampMs }, [frame]))
      .then((reply) => {
        if (reply.type !== "pose") throw new Error(reply.type === "failed" ? reply.message : "unexpected reply");
        const people = reply.landmarks ? [mediapipeToOpenPose(reply.landmarks, width, height)] : [];
        return {
          pose: people.length ? { canvasWidth: width, canvasHeight: height, people } : null,
          detectMs: reply.detectMs,
          handOverMs: performance.now() - started - reply.detectMs,
        };
      })
      .finally(() => (this.busy = false));
  }

  /** Ends the worker; a detection still under way rejects. */
  close() {
    this.worker.terminate();
    this.settle((w) => w.reject(new Error("the pose detector was closed")));
  }

  private ask(message: PoseWorkerRequest, transfer: Transferable[] = []): Promise<PoseWorkerReply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(message, transfer);
    });
  }

  private settle(how: (waiting: Waiting) => void) {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) how(waiting);
  }
}
