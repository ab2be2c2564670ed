// Detects MediaPipe pose landmarks on a photo in headless Chromium with @mediapipe/tasks-vision
// and our npm-built model (web/static, from `npm run build:web`), and writes them as a fixture.
// Usage: npx tsx tests/reference/detect-landmarks.ts tests/fixtures/messi5.jpg tests/fixtures/messi5.landmarks.json
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { resultOfLocalPage } from "../../dev-tools/browser/local-page";

export interface DetectedLandmarks {
  width: number;
  height: number;
  landmarks: { x: number; y: number; z: number; visibility: number }[];
}

const root = new URL("../..", import.meta.url).pathname;
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
  ".html": "text/html",
};

/** Runs PoseLandmarker on one image in headless Chromium, everything served from 127.0.0.1. */
export async function detectLandmarksInChromium(
  imagePath: string,
  variant: "lite" | "full",
): Promise<DetectedLandmarks> {
  const page = `<!doctype html><img id="photo" src="/photo.jpg"><script type="module">
import { FilesetResolver, PoseLandmarker } from "/vision_bundle.mjs";
const img = document.getElementById("photo");
await img.decode();
const vision = await FilesetResolver.forVisionTasks("/mediapipe/wasm");
const landmarker = await PoseLandmarker.createFromOptions(vision, {
  baseOptions: { modelAssetPath: "/models/pose_landmarker_${variant}.task", delegate: "CPU" },
  runningMode: "IMAGE", numPoses: 1,
});
const result = landmarker.detect(img);
window.__result = { width: img.naturalWidth, height: img.naturalHeight, landmarks: result.landmarks[0] ?? [] };
</script>`;
  return resultOfLocalPage<DetectedLandmarks>(
    (url) => {
      if (url === "/") return { body: page, type: "text/html" };
      const file =
        url === "/photo.jpg"
          ? join(root, imagePath)
          : url === "/vision_bundle.mjs"
            ? join(root, "node_modules/@mediapipe/tasks-vision/vision_bundle.mjs")
            : join(root, "web/static", url);
      return { body: readFileSync(file), type: TYPES[extname(file)] ?? "application/octet-stream" };
    },
    "__result",
    60_000,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [imagePath = "tests/fixtures/messi5.jpg", outPath = "tests/fixtures/messi5.landmarks.json", variant = "full"] =
    process.argv.slice(2);
  const result = await detectLandmarksInChromium(imagePath, variant as "lite" | "full");
  if (result.landmarks.length !== 33) throw new Error(`expected 33 landmarks, got ${result.landmarks.length}`);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  writeFileSync(
    outPath,
    JSON.stringify(
      {
        source: imagePath.split("/").pop(),
        detector: `@mediapipe/tasks-vision 0.10.35 PoseLandmarker, pose_landmarker_${variant}.task built from @mediapipe/pose 0.5.1675469404, IMAGE mode, CPU, headless Chromium`,
        imageWidth: result.width,
        imageHeight: result.height,
        landmarks: result.landmarks.map((l) => ({
          x: round(l.x),
          y: round(l.y),
          z: round(l.z),
          visibility: round(l.visibility),
        })),
      },
      null,
      1,
    ) + "\n",
  );
  console.log(`${outPath}: 33 landmarks`);
}
