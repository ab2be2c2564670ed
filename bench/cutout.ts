// The cut-out in two steps, in headless Chromium against the built app (/avatars, signed in):
// per test photo, the quick MediaPipe mask (ms from the pick, goal ≤ 150 ms), @imgly's small
// (isnet_quint8) and medium (isnet_fp16) models warm at their 1024² and the small one rewritten
// for 512² (ms, and edge quality against the medium model's mask, the best @imgly 1.4.5 ships),
// and the fine cut-out as the page now makes it (512², session built while the quick preview
// shows) ÷ @imgly's run as the page made it before (small at 1024², a fresh worker per click).
import type { Page } from "playwright-core";
import { launchChromium } from "../dev-tools/browser/chromium";
import { coarseMaskOnPage, dataUrl, quickMaskModels, runWorker, serveMediumModel } from "./cutout-browser";
import { boundaryQuality, maskIou, type AlphaMask } from "./cutout-quality";
import { startBenchWorker } from "./local-worker";
import { runIfMain, type Figure } from "./harness/figure";
import { CHROMIUM, WEB_BUILD } from "./harness/tools";

const PORT = 8798;
const PHOTOS = ["tests/fixtures/messi5.jpg", "tests/fixtures/astronaut.png"];
/** The quick preview's background alpha (web/src/lib/cutout/coarse-cutout.ts BACKGROUND_ALPHA × 255). */
const DIMMED = Math.round(0.22 * 255);
const COARSE_GOAL_MS = 150;
/** BENCH_QUICK_ONLY=1: only the page's quick mask, picked this many times per photo (then once right after a cut-out). */
const QUICK_ROUNDS = 7;
const AFTER_CUT_DELAYS_MS = [0, 100, 200, 400, 800, 1600];
const FINE_GOAL = 0.5;

const ratio = (value: number, goal: number, ceiling: number) =>
  `${value.toFixed(2)}× (goal ≤ ${goal}×) ${value <= ceiling ? "OK" : "OVER"}`;
const quality = (mask: AlphaMask, reference: AlphaMask) => {
  const q = boundaryQuality(mask, reference);
  return `IoU ${maskIou(mask, reference).toFixed(2)}, boundary F ${q.f.toFixed(2)}, edge-band IoU ${q.bandIou.toFixed(2)}`;
};
const name = (path: string) => path.split("/").pop()!;

type PhotoFile = { name: string; mimeType: string; buffer: Buffer };

/** messi5 scaled up to a phone camera's 4000 px wide, as the browser encodes a JPEG. */
async function phoneSizedPhoto(page: Page): Promise<PhotoFile> {
  const base64 = await page.evaluate(async (url) => {
    const photo = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(4000, Math.round((4000 * photo.height) / photo.width));
    canvas.getContext("2d")!.drawImage(photo, 0, 0, canvas.width, canvas.height);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 })).arrayBuffer(),
    );
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, dataUrl(PHOTOS[0]!));
  return { name: "messi5-4000.jpg", mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") };
}

/** Picks `path` on the avatar page; resolves to the ms from the pick to its quick mask shown (the page's own measure). */
async function pickForQuickMask(page: Page, path: string | PhotoFile): Promise<number> {
  // The mask of the photo before may still show: wait for a new canvas with its time set.
  await page.evaluate(() => {
    (globalThis as { before?: Element | null }).before = document.querySelector("[data-testid=cutout-coarse] canvas");
  });
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.waitForFunction(
    () => {
      const node = document.querySelector("[data-testid=cutout-coarse]");
      const canvas = node?.querySelector("canvas");
      return (
        !!canvas &&
        canvas !== (globalThis as { before?: Element | null }).before &&
        Number(node!.getAttribute("data-ms")) > 0
      );
    },
    undefined,
    { timeout: 60_000 },
  );
  return Number(await page.getByTestId("cutout-coarse").getAttribute("data-ms"));
}

/**
 * The quick mask alone, as the page shows it: each photo picked QUICK_ROUNDS times in turn on an
 * idle page (median and worst), then once right after a fine cut-out, while the page sets up the
 * cut-out's rig.
 */
async function benchQuickOnly(page: Page, origin: string) {
  await page.goto(`${origin}/avatars`);
  await page.locator('form[data-quick-ready="true"]').waitFor({ timeout: 180_000 });
  const times = PHOTOS.map(() => [] as number[]);
  for (let round = 0; round < QUICK_ROUNDS; round++)
    for (const [i, path] of PHOTOS.entries()) {
      times[i]!.push(await pickForQuickMask(page, path));
      // As a user looks at the preview: what the pick set going (the fine model's load) settles.
      await page.locator('form[data-cutout-ready="true"]').waitFor({ timeout: 180_000 });
    }
  for (const [i, path] of PHOTOS.entries()) {
    const sorted = times[i]!.sort((a, b) => a - b);
    console.log(
      `quick mask ${name(path)} on the page, ${sorted.length} picks: median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, ` +
        `worst ${sorted.at(-1)!.toFixed(0)} ms (goal ≤ ${COARSE_GOAL_MS} ms); all ${sorted.map((t) => t.toFixed(0)).join(" ")}`,
    );
  }
  const phone = await phoneSizedPhoto(page);
  const large = [] as number[];
  for (let round = 0; round < QUICK_ROUNDS; round++) {
    large.push(await pickForQuickMask(page, phone));
    await page.locator('form[data-cutout-ready="true"]').waitFor({ timeout: 180_000 });
  }
  large.sort((a, b) => a - b);
  console.log(
    `quick mask ${phone.name} (4000×2496) on the page, ${large.length} picks: median ${large[large.length >> 1]!.toFixed(0)} ms, ` +
      `worst ${large.at(-1)!.toFixed(0)} ms; all ${large.map((t) => t.toFixed(0)).join(" ")}`,
  );
  // Right after a cut-out the page detects the rig on it (the first time on a page, loading the
  // rig's pose model): a pick then, or a little later, each on a freshly opened page.
  const after = [];
  for (const delay of AFTER_CUT_DELAYS_MS) {
    await page.goto(`${origin}/avatars`);
    await page.locator('form[data-quick-ready="true"]').waitFor({ timeout: 180_000 });
    await pickForQuickMask(page, PHOTOS[0]!);
    await page.locator('form[data-cutout-ready="true"]').waitFor({ timeout: 180_000 });
    await page.getByRole("button", { name: "Remove background" }).click();
    await page.getByText("Background removed.").waitFor({ timeout: 180_000 });
    await page.waitForTimeout(delay);
    after.push(`${delay} ms later ${(await pickForQuickMask(page, PHOTOS[1]!)).toFixed(0)} ms`);
  }
  console.log(`quick mask ${name(PHOTOS[1]!)} picked after ${name(PHOTOS[0]!)}'s cut-out: ${after.join(", ")}`);
}

export async function benchCutout() {
  const { origin, stop } = await startBenchWorker(PORT);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const email = `bench-${Date.now()}@example.com`;
    const signUp = await context.request.post(`${origin}/api/auth/sign-up/email`, {
      headers: { origin },
      data: { email, password: "correct horse battery", name: "Bench" },
    });
    if (!signUp.ok()) throw new Error(`sign-up answered ${signUp.status()}`);
    const page = await context.newPage();
    if (process.env.BENCH_QUICK_ONLY) return await benchQuickOnly(page, origin);
    const photos = PHOTOS.map(dataUrl);

    // Today's run first, while no session exists anywhere: a fresh worker per photo, the small
    // model from the HTTP cache (filled by one untimed run before), session built on the click.
    await page.goto(`${origin}/avatars`);
    await runWorker(page, "small", photos.slice(0, 1), false);
    const today = await runWorker(page, "small", photos, false);
    const small = await runWorker(page, "small", photos, true);
    const fast = await runWorker(page, "small-512", photos, true);
    // The medium model in a context of its own: routing it in turns that context's HTTP cache off.
    const mediumContext = await browser.newContext();
    await serveMediumModel(mediumContext, origin);
    const mediumPage = await mediumContext.newPage();
    await mediumPage.goto(origin);
    const medium = await runWorker(mediumPage, "medium", photos, true);
    await mediumContext.close();
    console.log(
      `cut-out model load before the first cut (fetch and session build; small from the HTTP cache, medium over loopback): ` +
        `small ${small.loadMs!.toFixed(0)} ms, small at 512² ${fast.loadMs!.toFixed(0)} ms, medium ${medium.loadMs!.toFixed(0)} ms`,
    );

    // The quick mask's parts, with each pose model: what the page's figure is made of.
    // In a context of its own: its route for tasks-vision's bundle turns that context's HTTP cache off.
    const quickContext = await browser.newContext();
    const quickPage = await quickContext.newPage();
    await quickPage.goto(origin);
    const quickRuns = await quickMaskModels(quickContext, quickPage, origin, photos);
    await quickContext.close();
    for (const run of quickRuns)
      for (const [i, cut] of run.cuts.entries())
        console.log(
          `quick mask ${name(PHOTOS[i]!)} with the ${run.variant} pose model: decode ${cut.decodeMs.toFixed(0)} ms, ` +
            `detect ${cut.detectMs.toFixed(0)} ms, paint ${cut.paintMs.toFixed(0)} ms; ${quality(cut, medium.cuts[i]!)} vs medium`,
        );

    // The page itself: open it, let the quick model load, then pick each photo (which loads the fine
    // model while the quick preview shows) and cut it out once that model is ready.
    await page.goto(`${origin}/avatars`);
    await page.locator('form[data-quick-ready="true"]').waitFor({ timeout: 180_000 });
    for (const [i, path] of PHOTOS.entries()) {
      await page.locator('input[type="file"]').setInputFiles(path);
      await page.getByTestId("cutout-coarse").locator("canvas").waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => Number(document.querySelector("[data-testid=cutout-coarse]")?.getAttribute("data-ms")) > 0,
      );
      await page.locator('form[data-cutout-ready="true"]').waitFor({ timeout: 180_000 });
      const coarse = await coarseMaskOnPage(page, DIMMED);
      await page.getByRole("button", { name: "Remove background" }).click();
      await page.getByText("Background removed.").waitFor({ timeout: 180_000 });
      const fineMs = Number(await page.getByTestId("upload-preview").getAttribute("data-ms"));
      const reference = medium.cuts[i]!;
      const label = `cut-out ${name(path)} ${reference.width}×${reference.height}`;
      console.log(
        `${label}: quick MediaPipe mask ${coarse.ms.toFixed(0)} ms after the pick = ` +
          `${ratio(coarse.ms / COARSE_GOAL_MS, 1, 1)} of ${COARSE_GOAL_MS} ms; ${quality(coarse, reference)} vs medium`,
      );
      console.log(
        `${label}: @imgly warm inference small (isnet_quint8) ${small.cuts[i]!.ms.toFixed(0)} ms, ` +
          `${quality(small.cuts[i]!, reference)} vs medium; medium (isnet_fp16, the reference) ${reference.ms.toFixed(0)} ms`,
      );
      console.log(
        `${label}: warm inference small at 512² ${fast.cuts[i]!.ms.toFixed(0)} ms, ` +
          `${quality(fast.cuts[i]!, reference)} vs medium`,
      );
      console.log(
        `${label}: fine cut-out as the page makes it (its default model, session built once the photo was picked) ${fineMs.toFixed(0)} ms ÷ ` +
          `today's run (fresh worker, small) ${today.cuts[i]!.ms.toFixed(0)} ms = ${ratio(fineMs / today.cuts[i]!.ms, FINE_GOAL, FINE_GOAL)}`,
      );
    }
    await context.close();
  } finally {
    await browser.close();
    await stop();
  }
}

export const cutoutFigure: Figure = {
  name: "cut-out",
  needs: [WEB_BUILD, CHROMIUM],
  run: () => benchCutout(),
};
await runIfMain(import.meta.url, cutoutFigure);
