// The browser side of the cut-out figure: the app's own built background-removal worker driven
// directly (today's fresh-worker run, and each model warm), and the medium model served to it
// from node_modules (the app serves only the small one).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { CutoutModel } from "../web/src/lib/cutout/messages";
import type { AlphaMask } from "./cutout-quality";

const root = new URL("..", import.meta.url).pathname;
const DATA_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@imgly/background-removal-data/package.json")),
  "dist",
);
const BUILT = join(root, "web/build/background-removal");

/** The built worker's URL path (its name carries a content hash). */
export function builtWorkerPath(): string {
  const dir = join(root, "web/build/_app/immutable/workers");
  const name = readdirSync(dir).find((f) => f.startsWith("cutout.worker-"));
  if (!name) throw new Error("no cutout.worker in the web build: run `npm run build:web`");
  return `/_app/immutable/workers/${name}`;
}

/** Adds @imgly's medium model (isnet_fp16) to what /background-removal/ serves, for this context only. */
export async function serveMediumModel(context: BrowserContext, origin: string) {
  const all = JSON.parse(readFileSync(join(DATA_DIR, "resources.json"), "utf8")) as Record<string, unknown>;
  const served = JSON.parse(readFileSync(join(BUILT, "resources.json"), "utf8")) as Record<string, unknown>;
  await context.route(`${origin}/background-removal/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop()!;
    if (name === "resources.json")
      return route.fulfill({ json: { ...served, "/models/medium": all["/models/medium"] } });
    if (!existsSync(join(BUILT, name)) && /^[0-9a-f]{64}$/.test(name) && existsSync(join(DATA_DIR, name)))
      return route.fulfill({ body: readFileSync(join(DATA_DIR, name)), contentType: "application/octet-stream" });
    return route.fallback();
  });
}

export const dataUrl = (path: string) =>
  `data:${path.endsWith(".png") ? "image/png" : "image/jpeg"};base64,${readFileSync(path).toString("base64")}`;

export interface WorkerRun {
  /** Preload ("ready") time, when the worker was preloaded. */
  loadMs: number | null;
  cuts: (AlphaMask & { ms: number })[];
}

/**
 * Cuts `photos` (data URLs) out with the built worker: preloaded first (then each cut is
 * inference only), or cold (a fresh worker per photo, as the upload page did before preloading).
 */
export async function runWorker(page: Page, model: CutoutModel, photos: string[], preload: boolean) {
  // tsx keeps function names with an `__name` helper the page does not have.
  await page.evaluate("globalThis.__name ??= (f) => f");
  const run = await page.evaluate(
    async ({ workerUrl, model, photos, preload }) => {
      const start = () => new Worker(workerUrl, { type: "module" });
      const wait = (w: Worker, wanted: (d: { type: string; id?: number | null }) => boolean) =>
        new Promise<{ image?: Blob }>((resolve, reject) =>
          w.addEventListener("message", ({ data }) => {
            if (data.type === "failed") reject(new Error(data.message));
            else if (wanted(data)) resolve(data);
          }),
        );
      let worker = start();
      let loadMs: number | null = null;
      if (preload) {
        const t = performance.now();
        worker.postMessage({ type: "preload", model });
        await wait(worker, (d) => d.type === "ready");
        loadMs = performance.now() - t;
      }
      const cuts = [];
      for (const [i, url] of photos.entries()) {
        const image = await (await fetch(url)).blob();
        if (!preload && i > 0) (worker.terminate(), (worker = start()));
        const t = performance.now();
        worker.postMessage({ type: "cut", id: i + 1, image, model });
        const done = await wait(worker, (d) => d.type === "done" && d.id === i + 1);
        const ms = performance.now() - t;
        const bitmap = await createImageBitmap(done.image!);
        const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
        g.drawImage(bitmap, 0, 0);
        const rgba = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const alpha = Array.from({ length: rgba.length / 4 }, (_, p) => rgba[p * 4 + 3]!);
        cuts.push({ ms, width: bitmap.width, height: bitmap.height, alpha });
      }
      worker.terminate();
      return { loadMs, cuts };
    },
    { workerUrl: builtWorkerPath(), model, photos, preload },
  );
  return {
    loadMs: run.loadMs,
    cuts: run.cuts.map((c) => ({ ...c, alpha: Uint8Array.from(c.alpha) })),
  } satisfies WorkerRun;
}

/** The quick preview's person mask, read back from its canvas (undoing the background dimming). */
export async function coarseMaskOnPage(page: Page, dimmed: number): Promise<AlphaMask & { ms: number }> {
  const coarse = page.getByTestId("cutout-coarse");
  const read = await coarse.evaluate((node, dimmed) => {
    const canvas = node.querySelector("canvas")!;
    const rgba = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    const alpha = Array.from({ length: rgba.length / 4 }, (_, p) =>
      Math.max(0, Math.round(((rgba[p * 4 + 3]! - dimmed) / (255 - dimmed)) * 255)),
    );
    return { width: canvas.width, height: canvas.height, alpha, ms: Number(node.getAttribute("data-ms")) };
  }, dimmed);
  return { ...read, alpha: Uint8Array.from(read.alpha) };
}

/** What the quick mask costs, step by step, with one MediaPipe pose model. */
export interface QuickMaskRun {
  variant: "lite" | "full";
  /** Per photo: ms to decode it (createImageBitmap), detect (mask included), and paint it (as coarse-cutout.ts does). */
  cuts: (AlphaMask & { decodeMs: number; detectMs: number; paintMs: number })[];
}

/**
 * Runs MediaPipe's pose landmarker (IMAGE mode, mask on, as detect-pose.ts sets it up) with the
 * lite and the full model on `photos`, each warmed on a blank picture first, 7 rounds (median). tasks-vision's
 * bundle is served to this context from node_modules (the app bundles it into its own chunks).
 */
export async function quickMaskModels(context: BrowserContext, page: Page, origin: string, photos: string[]) {
  const bundle = join(dirname(createRequire(import.meta.url).resolve("@mediapipe/tasks-vision")), "vision_bundle.mjs");
  await context.route(`${origin}/bench-only/tasks-vision.mjs`, (route) =>
    route.fulfill({ body: readFileSync(bundle), contentType: "text/javascript" }),
  );
  await page.evaluate("globalThis.__name ??= (f) => f");
  const runs = await page.evaluate(
    async ({ photos, ROUNDS }) => {
      const url = "/bench-only/tasks-vision.mjs";
      const { FilesetResolver, PoseLandmarker } = await import(/* @vite-ignore */ url);
      const vision = await FilesetResolver.forVisionTasks("/mediapipe/wasm");
      const variants = ["lite", "full"] as const;
      const landmarkers = [];
      for (const variant of variants) {
        const landmarker = await PoseLandmarker.createFromOptions(vision, {
          baseOptions: { modelAssetPath: `/models/pose_landmarker_${variant}.task`, delegate: "CPU" },
          runningMode: "IMAGE",
          numPoses: 1,
          outputSegmentationMasks: true,
        });
        landmarker.detect(new ImageData(64, 64)).close();
        landmarkers.push(landmarker);
      }
      const blobs = await Promise.all(photos.map(async (photo) => (await fetch(photo)).blob()));
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
      // Rounds with the two models in turn, median per step: the machine's other load hits both alike.
      const times = variants.map(() =>
        blobs.map(() => ({ decode: [] as number[], detect: [] as number[], paint: [] as number[] })),
      );
      const masks = variants.map(() => blobs.map(() => ({ width: 0, height: 0, alpha: [] as number[] })));
      for (let round = 0; round < ROUNDS; round++)
        for (const v of round % 2 ? [1, 0] : [0, 1])
          for (const [p, blob] of blobs.entries()) {
            const t0 = performance.now();
            const bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
            const t1 = performance.now();
            const result = landmarkers[v]!.detect(bitmap);
            const mask = result.segmentationMasks[0];
            const values: Float32Array = mask.getAsFloat32Array();
            const t2 = performance.now();
            // The paint: photo drawn, the mask written into its alpha, put back (paintCoarseCutout's steps).
            const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
            g.drawImage(bitmap, 0, 0);
            const pixels = g.getImageData(0, 0, bitmap.width, bitmap.height);
            for (let i = 0; i < values.length; i++) pixels.data[i * 4 + 3] = 56 + 199 * values[i]!;
            g.putImageData(pixels, 0, 0);
            const t3 = performance.now();
            const step = times[v]![p]!;
            (step.decode.push(t1 - t0), step.detect.push(t2 - t1), step.paint.push(t3 - t2));
            if (round === 0)
              masks[v]![p] = {
                width: mask.width,
                height: mask.height,
                alpha: Array.from(values, (x) => Math.round(x * 255)),
              };
            result.close();
            bitmap.close();
          }
      const out = variants.map((variant, v) => ({
        variant,
        cuts: masks[v]!.map((m, p) => ({
          ...m,
          decodeMs: median(times[v]![p]!.decode),
          detectMs: median(times[v]![p]!.detect),
          paintMs: median(times[v]![p]!.paint),
        })),
      }));
      return out;
    },
    { photos, ROUNDS: 7 },
  );
  return runs.map((run) => ({
    variant: run.variant,
    cuts: run.cuts.map((c) => ({ ...c, alpha: Uint8Array.from(c.alpha) })),
  })) satisfies QuickMaskRun[];
}
