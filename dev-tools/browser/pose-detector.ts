// A pose detector we did not write, for judging pictures: MediaPipe PoseLandmarker (the app's own
// model and wasm from web/static, as `npm run build:web` makes them) in headless Chromium, loaded
// once and fed many images. Everything is served from 127.0.0.1.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import type { PosePerson } from "../../shared/pose/model";
import { mediapipeToOpenPose, type Landmark } from "../../shared/pose/mediapipe";
import { launchChromium, requestsOutside } from "./chromium";

const root = new URL("../..", import.meta.url).pathname;
const TYPES: Record<string, string> = {
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
};

const page = (variant: string) => `<!doctype html><script type="module">
import { FilesetResolver, PoseLandmarker } from "/vision_bundle.mjs";
const vision = await FilesetResolver.forVisionTasks("/mediapipe/wasm");
const landmarker = await PoseLandmarker.createFromOptions(vision, {
  baseOptions: { modelAssetPath: "/models/pose_landmarker_${variant}.task", delegate: "CPU" },
  runningMode: "IMAGE", numPoses: 1,
});
window.detect = async (base64, type) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type }));
  const result = landmarker.detect(bitmap);
  const size = [bitmap.width, bitmap.height];
  bitmap.close();
  return { size, landmarks: result.landmarks[0] ?? [] };
};
window.ready = true;
</script>`;

export interface PoseDetector {
  /** The person MediaPipe finds in a PNG/JPEG, as an OpenPose body in its pixels; null if none. */
  detect(image: Uint8Array, type?: string): Promise<PosePerson | null>;
  close(): Promise<void>;
}

/** Starts Chromium with PoseLandmarker loaded ("full" is the model the app uses for avatars). */
export async function openPoseDetector(variant: "lite" | "full" = "full"): Promise<PoseDetector> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(page(variant));
    const file =
      url === "/vision_bundle.mjs"
        ? join(root, "node_modules/@mediapipe/tasks-vision/vision_bundle.mjs")
        : join(root, "web/static", url);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const tab = await browser.newPage();
  const outside = requestsOutside(tab, origin);
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    await tab.goto(origin);
    await tab.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready, null, { timeout: 60_000 });
  } catch (err) {
    await close();
    throw new Error(`PoseLandmarker did not load (run \`npm run build:web\` first?): ${(err as Error).message}`);
  }
  return {
    async detect(image, type = "image/png") {
      const base64 = Buffer.from(image).toString("base64");
      const { size, landmarks } = await tab.evaluate(
        ([b, t]) =>
          (
            globalThis as unknown as {
              detect: (b: string, t: string) => Promise<{ size: [number, number]; landmarks: Landmark[] }>;
            }
          ).detect(b, t),
        [base64, type] as const,
      );
      if (outside.length) throw new Error(`the detector reached outside 127.0.0.1: ${outside.join(", ")}`);
      return landmarks.length === 33 ? mediapipeToOpenPose(landmarks, size[0], size[1]) : null;
    },
    close,
  };
}
