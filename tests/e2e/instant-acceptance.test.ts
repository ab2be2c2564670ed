// The instant engine's acceptance, as a new user meets it: on the app as a fresh clone runs it (no
// AI provider of any kind), sign up, upload a photo, cut it out and save it with its pose, pick 5
// poses, Generate → 5 pictures of that person in those poses; then the same with accessories and
// the café scene. The pictures are judged by their pixels: the person's colours, pictures that
// differ by pose, and MediaPipe (a detector we did not write) finding each pose.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPoseDetector, type PoseDetector } from "../../dev-tools/browser/pose-detector";
import { OUTPUT_SIZE } from "../../shared/api/generations";
import { objectKeypointSimilarity } from "../../shared/pose/oks";
import type { Rgba } from "../../shared/raster/rgba";
import { decodeRgba, encodePng } from "../../worker/images/rgba";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { startFreshCloneServer, type FreshCloneServer } from "./helpers/fresh-clone-server";
import {
  colourHistogram,
  expectedPoses,
  histogramIntersection,
  meanAbsoluteDifference,
  shirtBlueShare,
  type ExpectedPose,
} from "./helpers/pose-pictures";

const PORT = Number(process.env.FRESH_CLONE_PORT ?? 8794);
/** Varied on purpose: front, arms overhead, side view, seated, one arm waving. */
const POSES = [
  { id: "builtin-front-neutral", name: "Front, arms relaxed" },
  { id: "builtin-stretch-up", name: "Stretching up" },
  { id: "builtin-walk-side", name: "Walking, side view" },
  { id: "builtin-chair-front", name: "Seated, front" },
  { id: "builtin-wave", name: "Waving hello" },
];
const SIZE = OUTPUT_SIZE.sd;
/** Thresholds: the OKS; colours mostly the cut-out's; pictures apart by more than JPEG noise. */
const MIN_OKS = 0.5;
const MIN_COLOUR_MATCH = 0.5;
const MIN_DIFFERENCE = 3;

const browser = useChromium();
let server: FreshCloneServer;
let detector: PoseDetector;
let context: BrowserContext;
let page: Page;
let errors: string[];
let outside: string[];
let avatarId = "";
/** Set by the first test: what each pose must show, and the cut-out's colours. */
let expected: ExpectedPose[] = [];
let cutoutColours: Float64Array;
let cutoutBlue = 0;
let plain: Rgba[] = [];

beforeAll(async () => {
  server = await startFreshCloneServer(PORT);
  detector = await openPoseDetector("full");
}, 180_000);

afterAll(async () => {
  await context?.close();
  await detector?.close();
  await server?.stop();
});

const api = async (path: string) => {
  const res = await context.request.get(`${server.origin}${path}`);
  expect(res.status(), path).toBe(200);
  return res;
};

/**
 * Generates the picked poses from the studio; returns what the studio asked for and the final
 * pictures, in POSES order.
 */
async function generateInStudio(): Promise<{ asked: Record<string, unknown>; pictures: Rgba[] }> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/v1/generations") && r.request().method() === "POST"),
    page.getByRole("button", { name: `Generate ${POSES.length} poses` }).click(),
  ]);
  expect(response.status()).toBe(202);
  const { id } = (await response.json()) as { id: string };
  const asked = response.request().postDataJSON() as Record<string, unknown>;
  expect(asked.poseTemplateIds).toEqual(POSES.map((p) => p.id));
  // The studio shows the new generation (its id in the address) before its status is read.
  await expect.poll(() => page.url()).toContain(`g=${id}`);
  await expect.poll(() => page.getByTestId("generation-status").textContent(), { timeout: 120_000 }).toBe("Completed");
  const engines = await page.getByTestId("pose-engine").allTextContents();
  expect(engines).toEqual(POSES.map(() => "Instant (no AI)"));
  const state = (await (await api(`/api/v1/generations/${id}`)).json()) as {
    poses: { poseTemplateId: string; status: string; imageUrl: string | null }[];
  };
  const pictures = await Promise.all(
    POSES.map(async ({ id: template }) => {
      const pose = state.poses.find((p) => p.poseTemplateId === template);
      expect(pose?.status, template).toBe("succeeded");
      return decodeRgba(new Uint8Array(await (await api(pose!.imageUrl!)).body()));
    }),
  );
  return { asked, pictures };
}

/** The pixel checks on one generation's pictures; prints the figures. */
async function checkPictures(pictures: Rgba[], label: string) {
  for (const [i, picture] of pictures.entries()) {
    const { mask, drawn, template } = expected[i]!;
    const name = POSES[i]!.id;
    expect([picture.width, picture.height], name).toEqual([SIZE.width, SIZE.height]);
    const person = (p: number) => mask.data[p]! >= 128;
    const colours = histogramIntersection(colourHistogram(picture, person), cutoutColours);
    // The control: the same measure outside the person is what a picture without them would score.
    const elsewhere = histogramIntersection(
      colourHistogram(picture, (p) => !person(p)),
      cutoutColours,
    );
    const blue = shirtBlueShare(picture, person);
    const found = await detector.detect(encodePng(picture), "image/png");
    const oksDrawn = found ? (objectKeypointSimilarity(drawn, found) ?? 0) : 0;
    const oksTemplate = found ? (objectKeypointSimilarity(template, found) ?? 0) : 0;
    console.log(
      `${label} ${name}: colours ${colours.toFixed(2)} (outside the person ${elsewhere.toFixed(2)}), ` +
        `shirt blue ${(blue * 100).toFixed(1)} % (cut-out ${(cutoutBlue * 100).toFixed(1)} %), ` +
        `OKS vs the skeleton drawn ${oksDrawn.toFixed(3)}, vs the template ${oksTemplate.toFixed(3)}`,
    );
    expect(colours, `${name}: the person's colours`).toBeGreaterThanOrEqual(MIN_COLOUR_MATCH);
    expect(colours, `${name}: the person stands out from the rest`).toBeGreaterThan(elsewhere);
    expect(blue, `${name}: messi5's blue shirt`).toBeGreaterThan(cutoutBlue / 3);
    expect(found, `${name}: MediaPipe finds a person`).not.toBeNull();
    expect(oksDrawn, `${name}: OKS vs the skeleton drawn`).toBeGreaterThanOrEqual(MIN_OKS);
    expect(oksTemplate, `${name}: OKS vs the template`).toBeGreaterThanOrEqual(MIN_OKS);
  }
  for (let a = 0; a < pictures.length; a++)
    for (let b = a + 1; b < pictures.length; b++) {
      const d = meanAbsoluteDifference(pictures[a]!, pictures[b]!);
      expect(d, `${label} ${POSES[a]!.id} vs ${POSES[b]!.id}`).toBeGreaterThan(MIN_DIFFERENCE);
    }
}

describe("instant poses on a fresh clone (no AI provider)", () => {
  it("sign up, upload a photo, remove its background, save it with the pose found on it", async () => {
    context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    ({ page, errors, outside } = await watchedPage(context));
    await page.goto(`${server.origin}/sign-up`);
    await page.getByLabel("Your name").fill("Leo");
    await page.getByLabel("Email").fill(`instant-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${server.origin}/avatars`);

    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/messi5.jpg");
    await page.getByRole("button", { name: "Remove background" }).click();
    await page.getByText("Background removed.").waitFor({ timeout: 240_000 });
    const editor = page.getByTestId("rig-editor");
    await expect.poll(() => editor.getAttribute("data-phase"), { timeout: 90_000 }).toBe("ready");
    await page.getByLabel("Name").fill("Leo");
    await page.getByRole("button", { name: "Upload avatar" }).click();
    // The saved avatar is listed with its pose (no "No pose yet" mark): it has a rig.
    const card = page.getByTestId("avatar-card");
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain("Leo");
    expect(await card.getByTestId("rig-missing").count()).toBe(0);
    const list = (await (await api("/api/v1/avatars")).json()) as { items: { id: string; rig: string }[] };
    expect(list.items.map((a) => a.rig)).toEqual(["ready"]);
    avatarId = list.items[0]!.id;

    const rig = (await (await api(`/api/v1/avatars/${avatarId}/rig`)).json()) as { pose: unknown; imageUrl: string };
    const rigPng = new Uint8Array(await (await api(rig.imageUrl)).body());
    const keypoints = await Promise.all(
      POSES.map(
        async ({ id }) => ((await (await api(`/api/v1/templates/${id}`)).json()) as { keypoints: unknown }).keypoints,
      ),
    );
    expected = expectedPoses(rigPng, rig.pose, keypoints, SIZE);
    const cutout = decodeRgba(rigPng);
    const opaque = (p: number) => cutout.data[p * 4 + 3]! >= 128;
    cutoutColours = colourHistogram(cutout, opaque);
    cutoutBlue = shirtBlueShare(cutout, opaque);
    expect(cutoutBlue).toBeGreaterThan(0.05);
  }, 420_000);

  it("pick 5 poses, Generate: 5 pictures of that person in those poses", async () => {
    expect(expected).toHaveLength(POSES.length);
    await page.goto(`${server.origin}/poses`);
    const cards = page.getByTestId("pose-card");
    await cards.first().waitFor();
    for (const { name } of POSES) await cards.filter({ has: page.getByText(name, { exact: true }) }).click();
    await page.getByRole("button", { name: `Generate with ${POSES.length} poses` }).click();
    await page.waitForURL(`${server.origin}/studio`);
    const banner = page.getByTestId("provider-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("No AI provider: instant (no AI) poses only — to add one:");

    const { asked, pictures } = await generateInStudio();
    expect(asked.avatarId).toBe(avatarId);
    plain = pictures;
    await screenshot(page, "instant-acceptance-plain-desktop");
    await checkPictures(plain, "plain");
  }, 300_000);

  it("the same with a watch, sunglasses and the café scene; a hijab is refused as it needs inpainting", async () => {
    expect(plain).toHaveLength(POSES.length);
    await page.getByTestId("fashion-unavailable").waitFor();
    expect(await page.getByRole("radio", { name: "Pashmina" }).isDisabled()).toBe(true);
    const hijab = await context.request.post(`${server.origin}/api/v1/generations`, {
      headers: { origin: server.origin },
      data: {
        avatarId,
        poseTemplateIds: [POSES[0]!.id],
        quality: "sd",
        fashionSettings: { hijab: { style: "pashmina", colour: "#1f3a5f" }, accessories: [], outfit: "none" },
      },
    });
    expect(hijab.status()).toBe(422);
    expect(((await hijab.json()) as { error: { code: string } }).error.code).toBe("fashion_unavailable");

    await page.locator("label", { hasText: "Watch" }).click();
    await page.locator("label", { hasText: "Sunglasses" }).click();
    await page.locator("label", { hasText: "Café" }).click();
    const { asked, pictures: styled } = await generateInStudio();
    expect(asked.fashionSettings).toEqual({ accessories: ["watch", "sunglasses"], outfit: "none" });
    expect(asked.backgroundSettings).toEqual({ mode: "scene", scene: "cafe" });
    await screenshot(page, "instant-acceptance-styled-desktop");
    await checkPictures(styled, "watch+sunglasses+café");
    // The scene and the accessories changed every picture.
    for (const [i, picture] of styled.entries()) {
      expect(meanAbsoluteDifference(picture, plain[i]!), POSES[i]!.id).toBeGreaterThan(MIN_DIFFERENCE);
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);
});
