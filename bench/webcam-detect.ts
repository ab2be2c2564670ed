// Webcam pose detection speed in headless Chromium: the real /capture page, PoseLandmarker in VIDEO
// mode with the lite model in its worker, fed by Chromium's fake camera playing messi5.jpg at 30 fps.
// Prints the detections per second the page shows, the detect() time behind them (the worker's
// detect plus the frame's hand-over) against its goal, the hand-over alone, and the fps it allows
// (medians over 10 s). On Linux it also prints the worker thread's own CPU time per detection: on a
// busy machine detect()'s wall-clock time also holds the time the thread waited for a core.
import { launchChromium } from "../dev-tools/browser/chromium";
import { fakeCameraArgs } from "../dev-tools/browser/fake-camera";
import { startBenchWorker } from "./local-worker";
import { availableParallelism, loadavg } from "node:os";
import { runIfMain, type Figure } from "./harness/figure";
import { threadCpuSeconds } from "./harness/thread-cpu";
import { WEB_BUILD, CHROMIUM, FFMPEG } from "./harness/tools";

const SAMPLE_S = 10;
/** 30 fps with room: one detection must fit in a camera frame's time. */
const GOAL_MS = 33;
/** Chromium's name for a dedicated worker's thread (the pose worker is the capture page's only one). */
const WORKER_THREAD = "DedicatedWorker";

export async function benchWebcamDetect() {
  const { origin, stop } = await startBenchWorker(8797);
  const browser = await launchChromium(fakeCameraArgs("tests/fixtures/messi5.jpg"));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/capture`);
    await page.getByRole("button", { name: "Start camera" }).click();
    await page.getByText("Tracking 18 of 18").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    const fps: number[] = [];
    const ms: number[] = [];
    const handOver: number[] = [];
    const meter = page.getByTestId("webcam-fps");
    const detector = await meter.getAttribute("data-detector");
    const skippedBefore = Number(await meter.getAttribute("data-skipped"));
    const detectionsBefore = Number(await meter.getAttribute("data-detections"));
    const cpuBefore = threadCpuSeconds(WORKER_THREAD);
    for (let i = 0; i < SAMPLE_S * 2; i++) {
      await page.waitForTimeout(500);
      fps.push(parseInt((await meter.textContent()) ?? "0"));
      ms.push(Number(await meter.getAttribute("data-detect-ms")));
      handOver.push(Number(await meter.getAttribute("data-handover-ms")));
    }
    const skipped = (Number(await meter.getAttribute("data-skipped")) - skippedBefore) / SAMPLE_S;
    const cpuAfter = threadCpuSeconds(WORKER_THREAD);
    const detections = Number(await meter.getAttribute("data-detections")) - detectionsBefore;
    const cpuPerDetection =
      cpuBefore === null || cpuAfter === null || !detections
        ? "the worker's CPU time is not readable here (Linux /proc)"
        : `the worker thread's own CPU ${(((cpuAfter - cpuBefore) * 1000) / detections).toFixed(1)} ms per detection ` +
          `(${detections} in ${SAMPLE_S} s; the rest of detect() waited for a core)`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const detectMs = median(ms);
    const ratio = detectMs / GOAL_MS;
    console.log(
      `webcam detect (lite, VIDEO mode, 548×342 camera at 30 fps, headless Chromium, CPU, in a ${detector}): ` +
        `detect() ${detectMs.toFixed(1)} ms = ${ratio.toFixed(2)}× of ${GOAL_MS} ms (goal ≤ 1×) ${ratio <= 1 ? "OK" : "OVER"}, ` +
        `of which hand-over ${median(handOver).toFixed(1)} ms; → ${(1000 / detectMs).toFixed(0)} fps possible, ` +
        `${median(fps)} fps shown (the camera caps it at ~30), ${skipped.toFixed(1)} frames/s skipped while busy; ` +
        `${cpuPerDetection}; load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
  } finally {
    await browser.close();
    await stop();
  }
}

export const webcamDetectFigure: Figure = {
  name: "webcam detect",
  needs: [WEB_BUILD, CHROMIUM, FFMPEG],
  run: () => benchWebcamDetect(),
};
await runIfMain(import.meta.url, webcamDetectFigure);
