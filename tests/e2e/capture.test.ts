import { readFileSync } from "node:fs";
import type { BrowserContext, Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { mediapipeToOpenPose, type Landmark } from "../../shared/pose/mediapipe";
import { readOpenPose } from "../../shared/pose/openpose-json";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchOutsideRequests } from "./helpers/browser";
import { fakeCameraArgs } from "../../dev-tools/browser/fake-camera";

const origin = inject("origin");
const fixture = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
  imageWidth: number;
  imageHeight: number;
  landmarks: Landmark[];
};

// The fake camera plays a real photo.
const browser = useChromium(fakeCameraArgs("tests/fixtures/messi5.jpg"));

async function signedIn(context: BrowserContext) {
  await signUpIn(context, origin, "Nia");
  const page = await context.newPage();
  return { page, outside: watchOutsideRequests(page) };
}

/** Every saved body point within 5 % of the image size of the fixture's, on the saved canvas. */
function expectFixturePose(request: Request) {
  const saved = readOpenPose((request.postDataJSON() as { keypoints: unknown }).keypoints).pose;
  const expected = mediapipeToOpenPose(fixture.landmarks, saved.canvasWidth, saved.canvasHeight);
  expect(saved.canvasWidth / saved.canvasHeight).toBeCloseTo(fixture.imageWidth / fixture.imageHeight, 2);
  const tolerance = 0.05 * Math.max(saved.canvasWidth, saved.canvasHeight);
  saved.people[0]!.body.forEach((p, i) => {
    const q = expected.body[i]!;
    expect(p, `point ${i}`).not.toBeNull();
    expect(Math.hypot(p!.x - q.x, p!.y - q.y), `point ${i}`).toBeLessThan(tolerance);
  });
}

async function saveAs(page: import("playwright-core").Page, name: string) {
  await page.getByLabel("Template name").fill(name);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith("/api/v1/templates") && r.method() === "POST"),
    page.getByRole("button", { name: "Save as template" }).click(),
  ]);
  await page.getByText(`Saved “${name}”`).waitFor();
  return request;
}

describe("pose capture", () => {
  it("webcam: tracks the 18 points live, snapshots after a countdown, saves a template the library lists", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside } = await signedIn(context);
    await page.goto(`${origin}/capture`);
    await page.getByRole("button", { name: "Start camera" }).click();
    await expect
      .poll(() => page.getByTestId("webcam-status").textContent(), { timeout: 45_000 })
      .toContain("Tracking 18 of 18");
    await page.getByTestId("webcam-overlay").waitFor();
    await expect.poll(async () => parseInt((await page.getByTestId("webcam-fps").textContent())!)).toBeGreaterThan(0);
    await screenshot(page, "capture-webcam-desktop");

    await page.getByRole("button", { name: "Snapshot in 3 s" }).click();
    await page.getByText("3", { exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId("capture-status").textContent(), { timeout: 10_000 })
      .toContain("Found 18 of 18");
    await page.getByLabel("Tags").fill("webcam, wave");
    await page.getByLabel("Visibility").selectOption("public");
    const name = `Webcam strike ${Date.now()}`;
    const request = await saveAs(page, name);
    expectFixturePose(request);
    await screenshot(page, "capture-webcam-saved-desktop");
    expect(await page.evaluate(() => document.querySelector("video")?.srcObject ?? null)).toBeNull();

    await page.getByRole("link", { name: "Poses", exact: true }).first().click();
    await page.getByLabel("Search poses").fill(name);
    // The library's previews are drawn by the Worker as the page opens: the search answers after them.
    await expect.poll(() => page.getByTestId("pose-card").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId("pose-card").textContent()).toContain("Mine");
    expect(outside).toEqual([]);
    await context.close();
  });

  it("webcam: detects in a worker on frames of at most 640 px, and drops the frames that come while it is busy", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    // The page's pose worker made slow (each frame reaches it 400 ms late), and every frame the
    // page hands it counted: a page that queued frames would have several in flight at once.
    await context.addInitScript(`{
      const seen = (window.__poseFrames = { posted: 0, answered: 0, maxInFlight: 0, sizes: [], ended: 0 });
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url, options) {
          super(url, options);
          this.isPose = String(url).includes("pose.worker");
          if (this.isPose) this.addEventListener("message", (e) => { if (e.data.type === "pose") seen.answered++; });
        }
        postMessage(message, transfer) {
          if (!this.isPose || message.type !== "frame") return super.postMessage(message, transfer);
          seen.posted++;
          seen.maxInFlight = Math.max(seen.maxInFlight, seen.posted - seen.answered);
          seen.sizes.push([message.frame.width, message.frame.height]);
          setTimeout(() => super.postMessage(message, transfer), 400);
        }
        terminate() {
          if (this.isPose) seen.ended++;
          super.terminate();
        }
      };
    }`);
    const { page, outside } = await signedIn(context);
    await page.goto(`${origin}/capture`);
    await page.getByRole("button", { name: "Start camera" }).click();
    // Even a frame every 400 ms finds the whole body.
    await page.getByTestId("webcam-status").getByText("Tracking 18 of 18").waitFor({ timeout: 45_000 });
    const frames = () =>
      page.evaluate(() => (window as unknown as { __poseFrames: Record<string, number> }).__poseFrames.posted);
    await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

    await screenshot(page, "capture-webcam-worker-desktop");
    const meter = page.getByTestId("webcam-fps");
    expect(await meter.getAttribute("data-detector")).toBe("worker");
    const seen = (await page.evaluate(() => (window as unknown as { __poseFrames: unknown }).__poseFrames)) as {
      posted: number;
      maxInFlight: number;
      sizes: [number, number][];
    };
    expect(seen.maxInFlight).toBe(1);
    // Each frame took ≥ 400 ms: the camera's 30 fps brought many more frames, all dropped, none kept.
    expect(Number(await meter.getAttribute("data-skipped"))).toBeGreaterThan(seen.posted);
    // The meter tallies the detections that came back (the bench divides the worker's CPU time by it).
    const detections = Number(await meter.getAttribute("data-detections"));
    expect(detections).toBeGreaterThan(0);
    expect(detections).toBeLessThanOrEqual(await frames());
    expect(parseInt((await meter.textContent())!)).toBeLessThanOrEqual(3);
    // The meter counts the hand-over (here the 400 ms delay) besides the worker's own detect().
    expect(Number(await meter.getAttribute("data-handover-ms"))).toBeGreaterThanOrEqual(400);
    expect(Number(await meter.getAttribute("data-detect-ms"))).toBeGreaterThan(
      Number(await meter.getAttribute("data-handover-ms")),
    );
    // At most 640 px on the long side (INPUT_LONG_SIDE; the fake camera is smaller), in the camera's proportions.
    const { videoWidth, videoHeight } = await page
      .getByTestId("webcam-video")
      .evaluate((v: HTMLVideoElement) => ({ videoWidth: v.videoWidth, videoHeight: v.videoHeight }));
    for (const [width, height] of seen.sizes) {
      expect(Math.max(width, height)).toBe(Math.min(640, Math.max(videoWidth, videoHeight)));
      expect(width / height).toBeCloseTo(videoWidth / videoHeight, 1);
    }
    // Stopping the camera ends the worker too (it would keep a core busy otherwise).
    await page.getByRole("button", { name: "Stop camera" }).click();
    await page.getByRole("button", { name: "Start camera" }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { __poseFrames: { ended: number } }).__poseFrames.ended),
    ).toBe(1);
    expect(outside).toEqual([]);
    await context.close();
  });

  it("photo: finds the 18 points within 5 % of the fixture and saves them as a template", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside } = await signedIn(context);
    await page.goto(`${origin}/capture`);
    await page.getByRole("tab", { name: "From a photo" }).click();
    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/messi5.jpg");
    await expect
      .poll(() => page.getByTestId("capture-status").textContent(), { timeout: 45_000 })
      .toContain("Found 18 of 18");
    await screenshot(page, "capture-photo-desktop");
    const request = await saveAs(page, "Messi strike");
    expectFixturePose(request);
    const mine = (await (await context.request.get(`${origin}/api/v1/templates?mine=true`)).json()) as {
      items: { name: string }[];
    };
    expect(mine.items.map((t) => t.name)).toEqual(["Messi strike"]);
    expect(outside).toEqual([]);
    await context.close();
  });

  /** getUserMedia replaced before the page loads: a refusal, or a camera that shows an empty room. */
  const cameras = {
    denied: `navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));`,
    absent: `navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Requested device not found", "NotFoundError"));`,
    empty: `navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 640, height: 480 });
      const g = canvas.getContext("2d");
      setInterval(() => { g.fillStyle = "#8a8f96"; g.fillRect(0, 0, 640, 480); }, 50);
      return canvas.captureStream(20);
    };`,
  };

  for (const [camera, message] of [
    ["denied", "Camera access is blocked"],
    ["absent", "No camera was found"],
    ["empty", "No one in view"],
  ] as const) {
    it(`says what to do when the camera is ${camera} (phone)`, async () => {
      const context = await browser().newContext({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
      await context.addInitScript(cameras[camera]);
      const { page, outside } = await signedIn(context);
      await page.goto(`${origin}/capture`);
      await page.getByRole("button", { name: "Start camera" }).click();
      await page.getByText(message).waitFor({ timeout: 45_000 });
      if (camera !== "empty") expect(await page.getByRole("button", { name: "Start camera" }).isVisible()).toBe(true);
      await screenshot(page, `capture-${camera}-phone`);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
