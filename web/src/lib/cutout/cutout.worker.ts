// Background removal off the main thread: @imgly/background-removal's model and onnxruntime wasm
// from our own origin (copied there by the build), run by @imgly itself at 1024² or, for
// "small-512", by isnet-cutout.ts at 512². The worker lives as long as the page, so the inference
// session built by "preload" serves every later cut.
import { removeBackground, type Config } from "@imgly/background-removal";
import { createFastSession, cutWithSession } from "./isnet-cutout";
import type { CutoutModel, CutoutReply, CutoutRequest } from "./messages";

const reply = (message: CutoutReply) => self.postMessage(message);
/** Whose progress the shared download reports belong to (the cut being waited for, if any). */
let current: number | null = null;

// @imgly memoizes its session by this config (the progress function drops out of the key),
// so the warm-up and the cuts share one session per model.
const publicPath = `${self.location.origin}/background-removal/`;
const progress = (key: string, done: number, total: number) =>
  reply({ type: "progress", id: current, key, current: done, total });
const config = (model: "small" | "medium"): Config => ({
  publicPath,
  model,
  // We are already the worker: no second proxy worker inside onnxruntime.
  proxyToWorker: false,
  output: { format: "image/png", quality: 1 },
  progress,
});

let fast: ReturnType<typeof createFastSession> | null = null;
/** The 512² session, built once (a failed build is forgotten, so the next cut tries again). */
function fastSession() {
  fast ??= createFastSession(publicPath, progress);
  fast.catch(() => (fast = null));
  return fast;
}

const warm = new Map<CutoutModel, Promise<unknown>>();
/**
 * Builds the model's session without running it. @imgly exposes no bare init, but its
 * removeBackground awaits its memoized init before it decodes the picture
 * (@imgly/background-removal 1.4.5 dist/index.mjs, `removeBackground`): an empty picture builds
 * the session, then fails to decode (a DOMException, unlike a failed download or session).
 */
function warmUp(model: CutoutModel) {
  if (model === "small-512") return fastSession();
  if (!warm.has(model)) {
    const empty = new Blob([], { type: "image/png" });
    warm.set(
      model,
      removeBackground(empty, config(model)).catch((err: unknown) => {
        if (!(err instanceof DOMException)) throw err;
      }),
    );
  }
  return warm.get(model)!;
}

self.onmessage = async ({ data }: MessageEvent<CutoutRequest>) => {
  const model = data.model ?? "small";
  const id = data.type === "cut" ? data.id : null;
  try {
    if (data.type === "preload") {
      await warmUp(model);
      return reply({ type: "ready" });
    }
    current = data.id;
    if (model === "small-512") {
      progress("compute:inference", 0, 1);
      const image = await cutWithSession(await fastSession(), data.image);
      progress("compute:inference", 1, 1);
      return reply({ type: "done", id: data.id, image });
    }
    // A cut asked for before the warm-up ends waits for it instead of building a second session.
    await warm.get(model)?.catch(() => undefined);
    reply({ type: "done", id: data.id, image: await removeBackground(data.image, config(model)) });
  } catch (err) {
    reply({ type: "failed", id, message: String((err as Error)?.message ?? err) });
  }
};
