// The page's side of the instant-preview worker: one worker for the whole app, a rig prepared
// once per key, draws answered by id.
import type { OutputSize } from "$shared/instant/contract";
import type { Pose, PosePerson } from "$shared/pose/model";
import type { PreviewReply, PreviewRequest } from "./messages";

/** The engine refused the rig (its RigProblem `code` and message), or preparing it failed (`code` null). */
export class RigRefused extends Error {
  constructor(
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** One pose drawn: RGBA at the preview size, and the engine's time for it. */
export interface DrawnPreview {
  image: ImageData;
  ms: number;
}

type Waiting<T> = { resolve: (value: T) => void; reject: (err: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const draws = new Map<number, Waiting<DrawnPreview>>();
const rigs = new Map<string, Waiting<number>>();
/** Rigs sent to the worker, by key: each is loaded and prepared once per page. */
const prepared = new Map<string, Promise<number>>();

function failAll(message: string) {
  for (const w of draws.values()) w.reject(new Error(message));
  for (const w of rigs.values()) w.reject(new RigRefused(null, message));
  draws.clear();
  rigs.clear();
  prepared.clear();
  worker?.terminate();
  worker = null;
}

function onReply(data: PreviewReply) {
  if (data.type === "rig") {
    const waiting = rigs.get(data.key);
    rigs.delete(data.key);
    if (data.ok) waiting?.resolve(data.ms);
    else waiting?.reject(new RigRefused(data.code, data.message));
    return;
  }
  const waiting = draws.get(data.id);
  draws.delete(data.id);
  if (!waiting) return;
  if (data.type === "failed") waiting.reject(new Error(data.message));
  else waiting.resolve({ image: new ImageData(data.pixels, data.width, data.height), ms: data.ms });
}

function send(message: PreviewRequest) {
  if (!worker) {
    worker = new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<PreviewReply>) => onReply(data);
    worker.onerror = (event) => failAll(event.message || "the preview worker failed");
  }
  worker.postMessage(message);
}

/** The rig's inputs: the cut-out image (PNG) and the person's own pose in its pixels. */
export interface RigSource {
  png: Blob;
  pose: PosePerson;
}

/**
 * Checks and prepares a rig in the worker under `key` (the avatar and its version), loading it
 * with `load` the first time only; resolves with the time preparing took (ms), rejects with
 * RigRefused (or the load's error, and then the next call tries again).
 */
export function prepareRig(key: string, load: () => Promise<RigSource>): Promise<number> {
  const known = prepared.get(key);
  if (known) return known;
  const ready = load().then(
    ({ png, pose }) =>
      new Promise<number>((resolve, reject) => {
        rigs.set(key, { resolve, reject });
        send({ type: "rig", key, png, pose });
      }),
  );
  prepared.set(key, ready);
  ready.catch((err) => {
    if (!(err instanceof RigRefused && err.code)) prepared.delete(key);
  });
  return ready;
}

/** The rig of `key` in the `target` pose at `size` (the target's canvas letterboxed into it). */
export function drawPreview(key: string, target: Pose, size: OutputSize): Promise<DrawnPreview> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    draws.set(id, { resolve, reject });
    send({ type: "draw", id, key, target, size });
  });
}
