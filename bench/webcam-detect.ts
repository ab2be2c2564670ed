// Webcam pose detection speed in headless Chromium: the real /capture page, PoseLandmarker in VIDEO
// mode with the lite model, fed by Chromium's fake camera playing messi5.jpg at 30 fps. Prints the
// detections per second the page shows and the detect() time behind them (medians over 10 s).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateLocal, startWorker, waitForHealth } from "../scripts/local-env.mjs";
import { launchChromium } from "../tests/e2e/helpers/browser";
import { fakeCameraArgs } from "../tests/e2e/helpers/fake-camera";

const SAMPLE_S = 10;

export async function benchWebcamDetect() {
  if (!existsSync(new URL("../web/build/index.html", import.meta.url))) {
    console.log("webcam detect: no web/build (run `npm run build:web` first)");
    return;
  }
  const stateDir = mkdtempSync(join(tmpdir(), "pose-bench-webcam-"));
  const port = 8796;
  const origin = `http://127.0.0.1:${port}`;
  migrateLocal(stateDir);
  const worker = startWorker({
    port,
    persistTo: stateDir,
    stdio: ["ignore", "ignore", "ignore"],
    vars: { BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef" },
  });
  const browser = await launchChromium(fakeCameraArgs("tests/fixtures/messi5.jpg"));
  try {
    await waitForHealth(origin);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/capture`);
    await page.getByRole("button", { name: "Start camera" }).click();
    await page.getByText("Tracking 18 of 18").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    const fps: number[] = [];
    const ms: number[] = [];
    const meter = page.getByTestId("webcam-fps");
    for (let i = 0; i < SAMPLE_S * 2; i++) {
      await page.waitForTimeout(500);
      fps.push(parseInt((await meter.textContent()) ?? "0"));
      ms.push(Number(await meter.getAttribute("data-detect-ms")));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const detectMs = median(ms);
    console.log(
      `webcam detect (lite, VIDEO mode, 548×342 camera at 30 fps, headless Chromium, CPU): ` +
        `${median(fps)} fps shown (the camera caps it at ~30), detect() ${detectMs.toFixed(1)} ms ` +
        `→ ${(1000 / detectMs).toFixed(0)} fps possible`,
    );
  } finally {
    await browser.close();
    worker.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWebcamDetect();
